package org.policyradar.config;

/** Where a source speaks from: China, Europe, or international/other. */
public enum Region {
    CN, EU, INT
}
