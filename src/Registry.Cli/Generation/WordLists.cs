namespace Registry.Cli.Generation;

/// <summary>Latin/Arabic word pairs the generated names are built from (Moroccan first names, family names, name words, localities).</summary>
public static class WordLists
{
    public static readonly (string Latin, string Arabic)[] MaleFirstNames =
    [
        ("Mohamed", "محمد"), ("Ahmed", "أحمد"), ("Youssef", "يوسف"), ("Hassan", "حسن"), ("Hamid", "حميد"), ("Said", "سعيد"),
        ("Abdellah", "عبد الله"), ("Mustapha", "مصطفى"), ("Rachid", "رشيد"), ("Omar", "عمر"), ("Ali", "علي"), ("Brahim", "إبراهيم"),
        ("Khalid", "خالد"), ("Abdelaziz", "عبد العزيز"), ("Driss", "إدريس"), ("Mehdi", "المهدي"), ("Hicham", "هشام"), ("Karim", "كريم"),
        ("Aziz", "عزيز"), ("Lahcen", "لحسن"), ("Mbarek", "امبارك"), ("Jamal", "جمال"), ("Noureddine", "نور الدين"), ("Abderrahim", "عبد الرحيم"),
        ("Adil", "عادل"), ("Yassine", "ياسين"), ("Amine", "أمين"), ("Ayoub", "أيوب"), ("Hamza", "حمزة"), ("Zakaria", "زكرياء"),
        ("Ismail", "إسماعيل"), ("Tarik", "طارق"), ("Abdelkader", "عبد القادر"), ("Larbi", "العربي"), ("Mohand", "موحند"), ("Lhoussaine", "الحسين"),
        ("Bouchaib", "بوشعيب"), ("Miloud", "الميلود"), ("Redouane", "رضوان"), ("Abdelhak", "عبد الحق"), ("Jaouad", "جواد"), ("Anas", "أنس"),
    ];

    public static readonly (string Latin, string Arabic)[] FemaleFirstNames =
    [
        ("Fatima", "فاطمة"), ("Khadija", "خديجة"), ("Aicha", "عائشة"), ("Zahra", "الزهرة"), ("Fatima Zahra", "فاطمة الزهراء"), ("Malika", "مليكة"),
        ("Naima", "نعيمة"), ("Rachida", "رشيدة"), ("Saida", "سعيدة"), ("Latifa", "لطيفة"), ("Hafsa", "حفصة"), ("Meryem", "مريم"),
        ("Salma", "سلمى"), ("Nadia", "نادية"), ("Karima", "كريمة"), ("Hanane", "حنان"), ("Samira", "سميرة"), ("Zineb", "زينب"),
        ("Imane", "إيمان"), ("Khaoula", "خولة"), ("Soukaina", "سكينة"), ("Houda", "هدى"), ("Asmae", "أسماء"), ("Hayat", "حياة"),
        ("Touria", "ثريا"), ("Mina", "مينة"), ("Itto", "إيطو"), ("Fadma", "فاضمة"), ("Yamna", "يامنة"), ("Rkia", "رقية"),
        ("Habiba", "حبيبة"), ("Loubna", "لبنى"), ("Sanaa", "سناء"), ("Btissam", "ابتسام"), ("Ghizlane", "غزلان"), ("Kenza", "كنزة"),
        ("Wafae", "وفاء"), ("Najat", "نجاة"), ("Amal", "أمل"), ("Siham", "سهام"), ("Hasna", "حسناء"), ("Ilham", "إلهام"),
    ];

    public static readonly (string Latin, string Arabic)[] FamilyNames =
    [
        ("Alaoui", "العلوي"), ("El Idrissi", "الإدريسي"), ("Bennani", "بناني"), ("Tazi", "التازي"), ("Berrada", "برادة"), ("El Amrani", "العمراني"),
        ("Benali", "بنعلي"), ("Ouazzani", "الوزاني"), ("Chraibi", "الشرايبي"), ("El Fassi", "الفاسي"), ("Lahlou", "لحلو"), ("Benjelloun", "بنجلون"),
        ("Tahiri", "الطاهري"), ("El Mansouri", "المنصوري"), ("Bouzid", "بوزيد"), ("Ait Ali", "آيت علي"), ("Ait Ahmed", "آيت أحمد"), ("Ait Brahim", "آيت إبراهيم"),
        ("Oubella", "أوبلا"), ("Agouram", "أكورام"), ("Id Belkacem", "إد بلقاسم"), ("Boukhari", "البخاري"), ("El Ouardi", "الوردي"), ("Zerouali", "الزروالي"),
        ("Saidi", "السعيدي"), ("Naciri", "الناصري"), ("Hajji", "الحجي"), ("Kabbaj", "القباج"), ("Sefrioui", "الصفريوي"), ("Rifi", "الريفي"),
        ("Soussi", "السوسي"), ("Filali", "الفيلالي"), ("Sahraoui", "الصحراوي"), ("Doukkali", "الدكالي"), ("Chaoui", "الشاوي"), ("Meknassi", "المكناسي"),
        ("Slaoui", "السلاوي"), ("Marrakchi", "المراكشي"), ("El Khatib", "الخطيب"), ("Belhaj", "بلحاج"), ("Benmoussa", "بنموسى"), ("Hamdaoui", "الحمداوي"),
        ("Bakkali", "البقالي"), ("Jabri", "الجابري"), ("Haddad", "الحداد"), ("Najjar", "النجار"), ("Ouchen", "أوشن"), ("Amzil", "أمزيل"),
        ("Aznag", "أزناك"), ("Moussaoui", "الموساوي"), ("Ghazouani", "الغزواني"), ("Karimi", "الكريمي"), ("Rahmouni", "الرحموني"), ("El Omari", "العمري"),
        ("Ouali", "الوالي"), ("Bouazza", "بوعزة"), ("Lamrini", "اللمريني"), ("Harrouchi", "الحروشي"), ("Fikri", "الفكري"), ("Skalli", "السقلي"),
    ];

    /// <summary>Words that make the distinctive part of an organisation's name.</summary>
    public static readonly (string Latin, string Arabic)[] NameWords =
    [
        ("Al Amal", "الأمل"), ("Annour", "النور"), ("Al Baraka", "البركة"), ("Assalam", "السلام"), ("Al Wahda", "الوحدة"), ("Al Khair", "الخير"),
        ("Al Fath", "الفتح"), ("Annahda", "النهضة"), ("Al Irfane", "العرفان"), ("Al Mostakbal", "المستقبل"), ("Ennajah", "النجاح"), ("Al Majd", "المجد"),
        ("Al Izdihar", "الازدهار"), ("Al Fajr", "الفجر"), ("Al Hilal", "الهلال"), ("Al Yasmine", "الياسمين"), ("Al Ward", "الورد"), ("Azzahra", "الزهراء"),
        ("Al Karama", "الكرامة"), ("Al Ikhlass", "الإخلاص"), ("Al Wafa", "الوفاء"), ("Attadamoun", "التضامن"), ("Al Mouhit", "المحيط"), ("Al Jabal", "الجبل"),
        ("Al Wadi", "الوادي"), ("Al Waha", "الواحة"), ("Tilila", "تيليلا"), ("Tafsut", "تافسوت"), ("Tiwizi", "تويزي"), ("Asif", "أسيف"),
        ("Adrar", "أدرار"), ("Tamazirt", "تمازيرت"), ("Afrah", "أفراح"), ("Al Inbiaat", "الانبعاث"), ("Al Mountazah", "المنتزه"), ("Al Massira", "المسيرة"),
        ("Al Hayat", "الحياة"), ("Achifaa", "الشفاء"), ("Al Andalous", "الأندلس"), ("Al Atlas", "الأطلس"), ("Assafaa", "الصفاء"), ("Al Amane", "الأمان"),
        ("Annakhil", "النخيل"), ("Azzaytoun", "الزيتون"), ("Al Kasba", "القصبة"), ("Al Massar", "المسار"), ("Arrayhane", "الريحان"), ("Al Bassatine", "البساتين"),
        ("Al Khayrat", "الخيرات"), ("Tifawin", "تيفاوين"), ("Tamount", "تامونت"), ("Al Ousra", "الأسرة"), ("Al Ikhaa", "الإخاء"), ("Arrahma", "الرحمة"),
        ("Al Mawadda", "المودة"), ("Annasr", "النصر"), ("Al Jazira", "الجزيرة"), ("Assaada", "السعادة"), ("Al Moubadara", "المبادرة"), ("Al Injaz", "الإنجاز"),
    ];

    /// <summary>Localities (douars, communes, small towns) used to qualify names and addresses.</summary>
    public static readonly (string Latin, string Arabic)[] Localities =
    [
        ("Tighmert", "تيغمرت"), ("Ait Baha", "آيت باها"), ("Tafraout", "تافراوت"), ("Imouzzer", "إيموزار"), ("Ouled Teima", "أولاد تايمة"), ("Sidi Bibi", "سيدي بيبي"),
        ("Tamanar", "تمنار"), ("Aghbalou", "أغبالو"), ("Tinejdad", "تنجداد"), ("Skoura", "سكورة"), ("Amizmiz", "أمزميز"), ("Asni", "أسني"),
        ("Ourika", "أوريكة"), ("Tahannaout", "تحناوت"), ("Imlil", "إمليل"), ("Bouizakarne", "بويزكارن"), ("Taliouine", "تاليوين"), ("Akka", "أقا"),
        ("Foum Zguid", "فم زكيد"), ("Mhamid", "امحاميد"), ("Tagounite", "تاكونيت"), ("Agdz", "أكدز"), ("Kelaat Mgouna", "قلعة مكونة"), ("Boumalne", "بومالن"),
        ("Rich", "الريش"), ("Goulmima", "كلميمة"), ("Erfoud", "أرفود"), ("Rissani", "الريصاني"), ("Azrou", "أزرو"), ("Ain Leuh", "عين اللوح"),
        ("Bhalil", "البهاليل"), ("Tissa", "تيسة"), ("Ghafsai", "غفساي"), ("Bab Berred", "باب برد"), ("Issaguen", "إساكن"), ("Targuist", "تاركيست"),
        ("Martil", "مرتيل"), ("Asilah", "أصيلة"), ("Ksar El Kebir", "القصر الكبير"), ("Moulay Bousselham", "مولاي بوسلهام"), ("Ain Aouda", "عين عودة"), ("Tiflet", "تيفلت"),
        ("Oulmes", "والماس"), ("Had Kourt", "حد كورت"), ("Zaouiat Cheikh", "زاوية الشيخ"), ("Demnate", "دمنات"), ("Ouaouizeght", "واويزغت"), ("Oued Zem", "وادي زم"),
        ("Bouznika", "بوزنيقة"), ("Azemmour", "أزمور"), ("Had Soualem", "حد السوالم"), ("Oualidia", "الوليدية"), ("Sebt Gzoula", "سبت جزولة"), ("Chemaia", "الشماعية"),
        ("Tamesloht", "تامصلوحت"), ("Ait Ourir", "آيت أورير"), ("Ighrem", "إغرم"), ("Mirleft", "ميرلفت"), ("Tarmigt", "ترميكت"), ("Imintanoute", "إيمنتانوت"),
    ];

    public static readonly string[] Streets =
    [
        "Rue Ibn Sina", "Avenue Hassan II", "Avenue Mohammed V", "Rue Al Massira", "Boulevard Zerktouni", "Rue Ibn Khaldoun", "Derb Sidi Bouloukat",
        "Hay Al Qods", "Hay Salam", "Hay Mohammadi", "Rue Al Andalous", "Avenue des FAR", "Quartier Industriel", "Douar Laarab", "Centre commune",
    ];

    public static readonly string[] Professions =
    [
        "Agriculteur", "Agricultrice", "Artisan", "Artisane", "Enseignant", "Enseignante", "Commerçant", "Infirmière", "Technicien",
        "Fonctionnaire", "Retraité", "Éleveur", "Couturière", "Comptable", "Ingénieur", "Médecin", "Étudiant", "Sans profession",
    ];

    /// <summary>CIN letter prefixes, by region (issuing offices of each region, approximately).</summary>
    public static readonly Dictionary<string, string[]> CinPrefixes = new()
    {
        ["01"] = ["K", "KA", "L", "LA", "LB"],
        ["02"] = ["F", "FA", "FB", "S", "SH"],
        ["03"] = ["C", "CB", "CD", "D", "DA", "Z"],
        ["04"] = ["A", "AB", "AE", "G", "GA", "X"],
        ["05"] = ["I", "IA", "IB", "Q"],
        ["06"] = ["B", "BE", "BH", "BJ", "BK", "BL", "M", "W"],
        ["07"] = ["E", "EE", "EA", "H", "HA", "N", "Y"],
        ["08"] = ["U", "UA", "UB", "P", "PA"],
        ["09"] = ["J", "JA", "JB", "JC", "JE"],
        ["10"] = ["JF", "JH"],
        ["11"] = ["SH", "SJ"],
        ["12"] = ["SL", "SK"],
    };
}
