import AcumenCore
import AcumenAnalytics
/// Word lists for demo data: company names in Latin, Chinese, Japanese and Korean scripts.
enum DemoNames {
    static let latinHeads = ["Nordwind", "Acme", "Bluefin", "Cedar", "Delta", "Evergreen", "Fjord", "Granite", "Harbor", "Iris",
                             "Juniper", "Kestrel", "Lumen", "Meridian", "Nimbus", "Orion", "Pioneer", "Quartz", "Riverside",
                             "Summit", "Tidewater", "Umbra", "Vantage", "Westfield", "Zenith", "Álvarez", "Müller", "Søndergaard"]
    static let latinTails = ["Logistics", "Trading", "Foods", "Systems", "Retail", "Pharma", "Textiles", "Energy", "Media",
                             "Tools", "Motors", "Analytics", "Hotels", "Builders", "Labs"]
    static let latinForms = ["Ltd", "GmbH", "S.A.", "Inc.", "AB", "B.V.", "S.r.l.", "Oy", "LLC", "plc"]
    static let chineseHeads = ["华远", "东方", "金桥", "长城", "天和", "新锐", "瑞丰", "海川", "恒信", "鼎盛", "安泰", "博雅"]
    static let chineseTails = ["科技有限公司", "贸易有限公司", "食品有限公司", "物流集团", "电子股份公司", "医药有限公司"]
    static let japaneseHeads = ["山田", "佐藤", "高橋", "中村", "小林", "青葉", "富士", "桜井"]
    static let japaneseTails = ["商事株式会社", "工業株式会社", "電機株式会社", "物産株式会社", "食品株式会社"]
    static let koreanHeads = ["한빛", "새롬", "대한", "미래", "푸른", "한결"]
    static let koreanTails = ["전자", "물산", "식품", "제약", "건설"]
    static let industries = ["Manufacturing", "Retail", "Healthcare", "Logistics", "Software", "Food & Beverage",
                             "Energy", "Media", "Hospitality", "Construction"]
    static let regions = ["North", "South", "East", "West", "DACH", "Nordics", "Greater China", "Japan", "Korea", "Iberia"]
    static let owners = ["Ana Souza", "Ben Okafor", "Chen Wei", "Dana Fischer", "Eva Lindqvist", "Farid Haddad",
                         "佐藤 花子", "Grace Kim"]
    static let tags = ["strategic", "reference", "pilot", "public-sector", "at-risk", "partner"]

    /// A company name; the script mix is about 55 % Latin, 25 % Chinese, 12 % Japanese, 8 % Korean.
    static func company(_ rng: inout SeededGenerator, _ k: Int) -> String {
        let roll = rng.unit()
        func pick(_ a: [String]) -> String { a[rng.below(a.count)] }
        if roll < 0.55 { return pick(latinHeads) + " " + pick(latinTails) + " " + pick(latinForms) }
        if roll < 0.80 { return pick(chineseHeads) + pick(chineseTails) }
        if roll < 0.92 { return pick(japaneseHeads) + pick(japaneseTails) }
        return pick(koreanHeads) + pick(koreanTails)
    }
}
