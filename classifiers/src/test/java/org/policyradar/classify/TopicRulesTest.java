package org.policyradar.classify;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hand-written sentences for each evaluated topic in English and Chinese: one that is about the topic and traps
 * that use its words without being about it (the guidelines' NOT cases).
 */
class TopicRulesTest {

    private final TaxonomyClassifier classifier = SharedClassifier.classifier();

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            5g            | Germany to strip Huawei kit from its 5G core network | Operators must replace components in base stations by 2026, the interior ministry said.
            5g            | 工业和信息化部：我国累计建成5G基站超过300万个 | 工业和信息化部表示，5G网络已覆盖所有地级市城区，移动通信用户持续增长。
            ai            | EU lawmakers agree rules for generative AI models | Providers of large language models will have to disclose their training data.
            ai            | 国务院印发新一代人工智能发展规划 | 规划提出到2030年人工智能理论、技术与应用总体达到世界领先水平。
            blockchain    | Bitcoin slides as regulators tighten rules for crypto exchanges | Cryptocurrency prices fell after the announcement.
            blockchain    | 数字人民币试点范围扩大 | 中国人民银行表示，数字人民币试点将扩大到更多城市。
            quantum       | Chinese scientists build 504-qubit quantum computer | The superconducting machine will be opened to researchers worldwide.
            quantum       | 我国科学家实现千公里级量子密钥分发 | 研究团队利用量子卫星完成了远距离量子通信实验。
            social-credit | China expands its social credit system to punish dishonest companies | Firms on the blacklist face joint punishment by several ministries.
            social-credit | 国家发展改革委：加快健全社会信用体系 | 将完善失信被执行人联合惩戒机制，推进信用信息共享。
            cyber         | Ransomware attack disrupts hospital systems across the region | Hackers encrypted patient records and demanded payment in bitcoin.
            cyber         | 国家网信办就《网络数据安全管理条例》答记者问 | 条例明确了个人信息保护和数据出境安全评估的要求。
            """)
    void positiveSentenceGetsItsTopicWithEvidence(String topic, String title, String summary) {
        Classification c = classifier.classify(new TextItem("t", title, summary, null, null));
        assertThat(c.topics()).contains(topic);
        assertThat(c.evidence().get(topic)).isNotEmpty().allSatisfy(e -> assertThat(e.topic()).isEqualTo(topic));
        assertThat(c.scores().get(topic)).isBetween(0.5, 1.0);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            5g            | Moto G 5G review: a budget phone with a big battery | Motorola's new handset has a 120Hz screen and a 5,000 mAh battery.
            5g            | Smallest ever SSD weighs under 5g | The drive is barely bigger than a thumbnail.
            5g            | 华为发布新款折叠屏手机 | 新机搭载更轻薄的机身和更大容量的电池，售价与上一代持平。
            5g            | 5G手机销量一季度增长 | 多家手机厂商发布新品，消费者换机需求回升。
            ai            | Smart fridge sales rise as households go digital | Retailers report strong demand for connected kitchen appliances.
            ai            | 我国首台深海钻探机器人研发成功 | 这台机器人可在海底连续作业，完成钻探与监测任务。
            blockchain    | Supply chain disruptions hit carmakers | A chain of suppliers in Asia failed to deliver parts on time.
            blockchain    | 铁路部门加密开行旅游列车 | 暑运期间，多地加密开行旅游专列，满足旅客出行需求。
            quantum       | QuantumScape shares jump on solid-state battery progress | The battery maker said its prototype cells passed new tests.
            quantum       | Ant-Man and the Wasp: Quantumania tops the box office | The Marvel film opened strongly in cinemas.
            quantum       | QuantumScape固态电池获得新订单 | 这家电池企业表示，新订单将在明年交付。
            social-credit | How to improve your credit score before applying for a mortgage | Paying your credit card bills on time helps your credit rating.
            social-credit | 惠誉下调美国信用评级 | 国际评级机构惠誉宣布下调美国长期外币发行人违约评级，信用卡消费同期增长。
            cyber         | Cyber Monday sales break records | Shoppers spent billions online as retailers offered deep discounts.
            cyber         | 全国安全生产工作会议召开 | 会议强调，要压实安全生产责任，坚决防范遏制重特大事故。
            """)
    void trapSentenceDoesNotGetTheTopic(String topic, String title, String summary) {
        Classification c = classifier.classify(new TextItem("t", title, summary, null, null));
        assertThat(c.topics()).doesNotContain(topic);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            ai    | Bundesregierung plant neue Regeln für künstliche Intelligenz | Die Regeln sollen auch für Gesichtserkennung gelten.   | de
            cyber | Une cyberattaque paralyse un hôpital de Rennes | Les données personnelles des patients ont été volées. | fr
            """)
    void germanAndFrenchUseTheirOwnTermsWithTheEnglishTokenizer(String topic, String title, String summary, String lang) {
        Classification c = classifier.classify(new TextItem("t", title, summary, null, "en"));
        assertThat(c.lang()).isEqualTo(lang);
        assertThat(c.topics()).contains(topic);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            Chip export controls hit Chinese foundries | SMIC and other chipmakers face new limits on lithography tools. | semiconductors
            城市大脑助力智慧城市建设 | 多地推进物联网设备接入城市大脑平台。 | iot-smart-cities
            """)
    void extraThemesAreScoredWithoutPollutingTheSix(String title, String summary, String theme) {
        Classification c = classifier.classify(new TextItem("t", title, summary, null, null));
        assertThat(c.topics()).contains(theme);
        assertThat(c.topics()).doesNotContainAnyElementsOf(org.policyradar.taxonomy.Taxonomy.EVALUATED_TOPICS);
    }
}
