using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Registry.Migrations.Migrations
{
    /// <summary>The 12 regions and 75 prefectures/provinces (data/regions_provinces.csv, HCP codes) and the sectors (data/sectors.csv).</summary>
    public partial class ReferenceData : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.InsertData(
                schema: "registry",
                table: "regions",
                columns: ["code", "name_fr", "name_ar"],
                values: new object[,]
                {
                    { "01", "Tanger-Tétouan-Al Hoceïma", "طنجة-تطوان-الحسيمة" },
                    { "02", "L'Oriental", "الشرق" },
                    { "03", "Fès-Meknès", "فاس-مكناس" },
                    { "04", "Rabat-Salé-Kénitra", "الرباط-سلا-القنيطرة" },
                    { "05", "Béni Mellal-Khénifra", "بني ملال-خنيفرة" },
                    { "06", "Casablanca-Settat", "الدار البيضاء-سطات" },
                    { "07", "Marrakech-Safi", "مراكش-آسفي" },
                    { "08", "Drâa-Tafilalet", "درعة-تافيلالت" },
                    { "09", "Souss-Massa", "سوس-ماسة" },
                    { "10", "Guelmim-Oued Noun", "كلميم-واد نون" },
                    { "11", "Laâyoune-Sakia El Hamra", "العيون-الساقية الحمراء" },
                    { "12", "Dakhla-Oued Ed-Dahab", "الداخلة-وادي الذهب" },
                });

            migrationBuilder.InsertData(
                schema: "registry",
                table: "provinces",
                columns: ["code", "region_code", "name_fr", "name_ar", "kind", "hcp_code", "iso_code"],
                values: new object[,]
                {
                    { "511", "01", "Tanger-Assilah", "طنجة-أصيلة", "prefecture", "01.511", "MA-TNG" },
                    { "573", "01", "M'diq-Fnideq", "المضيق-الفنيدق", "prefecture", "01.573", "MA-MDF" },
                    { "571", "01", "Tétouan", "تطوان", "province", "01.571", "MA-TET" },
                    { "227", "01", "Fahs-Anjra", "الفحص-أنجرة", "province", "01.227", "MA-FAH" },
                    { "331", "01", "Larache", "العرائش", "province", "01.331", "MA-LAR" },
                    { "051", "01", "Al Hoceima", "الحسيمة", "province", "01.051", "MA-HOC" },
                    { "151", "01", "Chefchaouen", "شفشاون", "province", "01.151", "MA-CHE" },
                    { "405", "01", "Ouezzane", "وزان", "province", "01.405", "MA-OUZ" },
                    { "411", "02", "Oujda-Angad", "وجدة-أنجاد", "prefecture", "02.411", "MA-OUJ" },
                    { "381", "02", "Nador", "الناضور", "province", "02.381", "MA-NAD" },
                    { "167", "02", "Driouch", "الدريوش", "province", "02.167", "MA-DRI" },
                    { "275", "02", "Jerada", "جرادة", "province", "02.275", "MA-JRA" },
                    { "113", "02", "Berkane", "بركان", "province", "02.113", "MA-BER" },
                    { "533", "02", "Taourirt", "تاوريرت", "province", "02.533", "MA-TAI" },
                    { "265", "02", "Guercif", "جرسيف", "province", "02.265", "MA-GUF" },
                    { "251", "02", "Figuig", "فجيج", "province", "02.251", "MA-FIG" },
                    { "231", "03", "Fès", "فاس", "prefecture", "03.231", "MA-FES" },
                    { "061", "03", "Meknès", "مكناس", "prefecture", "03.061", "MA-MEK" },
                    { "171", "03", "El Hajeb", "الحاجب", "province", "03.171", "MA-HAJ" },
                    { "271", "03", "Ifrane", "إفران", "province", "03.271", "MA-IFR" },
                    { "591", "03", "Moulay Yacoub", "مولاي يعقوب", "province", "03.591", "MA-MOU" },
                    { "451", "03", "Sefrou", "صفرو", "province", "03.451", "MA-SEF" },
                    { "131", "03", "Boulemane", "بولمان", "province", "03.131", "MA-BOM" },
                    { "531", "03", "Taounate", "تاونات", "province", "03.531", "MA-TAO" },
                    { "561", "03", "Taza", "تازة", "province", "03.561", "MA-TAZ" },
                    { "421", "04", "Rabat", "الرباط", "prefecture", "04.421", "MA-RAB" },
                    { "441", "04", "Salé", "سلا", "prefecture", "04.441", "MA-SAL" },
                    { "501", "04", "Skhirate-Témara", "الصخيرات-تمارة", "prefecture", "04.501", "MA-SKH" },
                    { "281", "04", "Kénitra", "القنيطرة", "province", "04.281", "MA-KEN" },
                    { "291", "04", "Khémisset", "الخميسات", "province", "04.291", "MA-KHE" },
                    { "481", "04", "Sidi Kacem", "سيدي قاسم", "province", "04.481", "MA-SIK" },
                    { "491", "04", "Sidi Slimane", "سيدي سليمان", "province", "04.491", "MA-SIL" },
                    { "091", "05", "Béni Mellal", "بني ملال", "province", "05.091", "MA-BEM" },
                    { "081", "05", "Azilal", "أزيلال", "province", "05.081", "MA-AZI" },
                    { "255", "05", "Fquih Ben Salah", "الفقيه بن صالح", "province", "05.255", "MA-FQH" },
                    { "301", "05", "Khénifra", "خنيفرة", "province", "05.301", "MA-KHN" },
                    { "311", "05", "Khouribga", "خريبكة", "province", "05.311", "MA-KHO" },
                    { "141", "06", "Casablanca", "الدار البيضاء", "prefecture", "06.141", "MA-CAS" },
                    { "371", "06", "Mohammadia", "المحمدية", "prefecture", "06.371", "MA-MOH" },
                    { "181", "06", "El Jadida", "الجديدة", "province", "06.181", "MA-JDI" },
                    { "385", "06", "Nouaceur", "النواصر", "province", "06.385", "MA-NOU" },
                    { "355", "06", "Médiouna", "مديونة", "province", "06.355", "MA-MED" },
                    { "111", "06", "Benslimane", "بنسليمان", "province", "06.111", "MA-BES" },
                    { "117", "06", "Berrechid", "برشيد", "province", "06.117", "MA-BRR" },
                    { "461", "06", "Settat", "سطات", "province", "06.461", "MA-SET" },
                    { "467", "06", "Sidi Bennour", "سيدي بنور", "province", "06.467", "MA-SIB" },
                    { "351", "07", "Marrakech", "مراكش", "prefecture", "07.351", "MA-MAR" },
                    { "161", "07", "Chichaoua", "شيشاوة", "province", "07.161", "MA-CHI" },
                    { "041", "07", "Al Haouz", "الحوز", "province", "07.041", "MA-HAO" },
                    { "191", "07", "El Kelâa Des-Sraghna", "قلعة السراغنة", "province", "07.191", "MA-KES" },
                    { "211", "07", "Essaouira", "الصويرة", "province", "07.211", "MA-ESI" },
                    { "427", "07", "Rehamna", "الرحامنة", "province", "07.427", "MA-REH" },
                    { "431", "07", "Safi", "آسفي", "province", "07.431", "MA-SAF" },
                    { "585", "07", "Youssoufia", "اليوسفية", "province", "07.585", "MA-YUS" },
                    { "201", "08", "Errachidia", "الرشيدية", "province", "08.201", "MA-ERR" },
                    { "401", "08", "Ouarzazate", "ورزازات", "province", "08.401", "MA-OUA" },
                    { "363", "08", "Midelt", "ميدلت", "province", "08.363", "MA-MID" },
                    { "577", "08", "Tinghir", "تنغير", "province", "08.577", "MA-TIN" },
                    { "587", "08", "Zagora", "زاكورة", "province", "08.587", "MA-ZAG" },
                    { "001", "09", "Agadir-Ida-Ou-Tanane", "أكادير-إدا وتنان", "prefecture", "09.001", "MA-AGD" },
                    { "273", "09", "Inezgane-Aït Melloul", "إنزكان-آيت ملول", "prefecture", "09.273", "MA-INE" },
                    { "163", "09", "Chtouka-Aït Baha", "اشتوكة-آيت باها", "province", "09.163", "MA-CHT" },
                    { "541", "09", "Taroudannt", "تارودانت", "province", "09.541", "MA-TAR" },
                    { "581", "09", "Tiznit", "تيزنيت", "province", "09.581", "MA-TIZ" },
                    { "551", "09", "Tata", "طاطا", "province", "09.551", "MA-TAT" },
                    { "261", "10", "Guelmim", "كلميم", "province", "10.261", "MA-GUE" },
                    { "071", "10", "Assa-Zag", "آسا-الزاك", "province", "10.071", "MA-ASZ" },
                    { "521", "10", "Tan-Tan", "طانطان", "province", "10.521", "MA-TNT" },
                    { "473", "10", "Sidi Ifni", "سيدي إفني", "province", "10.473", "MA-SIF" },
                    { "321", "11", "Laâyoune", "العيون", "province", "11.321", "MA-LAA" },
                    { "121", "11", "Boujdour", "بوجدور", "province", "11.121", "MA-BOD" },
                    { "537", "11", "Tarfaya", "طرفاية", "province", "11.537", "MA-TAF" },
                    { "221", "11", "Es-Semara", "السمارة", "province", "11.221", "MA-ESM" },
                    { "391", "12", "Oued Ed-Dahab", "وادي الذهب", "province", "12.391", "MA-OUD" },
                    { "066", "12", "Aousserd", "أوسرد", "province", "12.066", "MA-AOU" },
                });

            migrationBuilder.InsertData(
                schema: "registry",
                table: "sectors",
                columns: ["code", "name_fr", "name_ar", "applies_to"],
                values: new object[,]
                {
                    { "AGRI", "Agriculture", "الفلاحة", new[] { "COOP", "UNION", "ASSO" } },
                    { "ARTISANAT", "Artisanat", "الصناعة التقليدية", new[] { "COOP", "UNION", "ASSO" } },
                    { "HABITAT", "Habitat", "السكن", new[] { "COOP", "UNION" } },
                    { "ALIM", "Denrées alimentaires", "المواد الغذائية", new[] { "COOP", "UNION" } },
                    { "ARGANE", "Argane", "الأركان", new[] { "COOP", "UNION" } },
                    { "PAM", "Plantes aromatiques et médicinales", "النباتات العطرية والطبية", new[] { "COOP", "UNION" } },
                    { "PECHE", "Pêche", "الصيد البحري", new[] { "COOP", "UNION" } },
                    { "FORET", "Forêt", "الغابة", new[] { "COOP", "UNION" } },
                    { "TRANSPORT", "Transport", "النقل", new[] { "COOP", "UNION" } },
                    { "EDUCATION", "Alphabétisation et éducation", "محو الأمية والتربية", new[] { "COOP", "UNION", "ASSO" } },
                    { "COMMERCE", "Commerce de détail", "التجارة بالتقسيط", new[] { "COOP", "UNION" } },
                    { "CONSOMMATION", "Consommation", "الاستهلاك", new[] { "COOP", "UNION" } },
                    { "CARRIERES", "Exploitation des carrières", "استغلال المقالع", new[] { "COOP", "UNION" } },
                    { "MAIN_OEUVRE", "Main d'œuvre", "اليد العاملة", new[] { "COOP", "UNION" } },
                    { "DECHETS", "Traitement des déchets", "معالجة النفايات", new[] { "COOP", "UNION", "ASSO" } },
                    { "TOURISME", "Tourisme", "السياحة", new[] { "COOP", "UNION", "ASSO" } },
                    { "COMMUNICATION", "Communication", "التواصل", new[] { "COOP", "UNION" } },
                    { "CONSEIL", "Conseil et gestion", "الاستشارة والتدبير", new[] { "COOP", "UNION" } },
                    { "CULTURE", "Art et culture", "الفن والثقافة", new[] { "COOP", "UNION", "ASSO" } },
                    { "MINES", "Mines", "المعادن", new[] { "COOP", "UNION" } },
                    { "IMPRIMERIE", "Imprimerie", "الطباعة", new[] { "COOP", "UNION" } },
                    { "COMPTABILITE", "Comptabilité", "المحاسبة", new[] { "COOP", "UNION" } },
                    { "E_COMMERCE", "Commerce électronique", "التجارة الإلكترونية", new[] { "COOP", "UNION" } },
                    { "CANNABIS_LICITE", "Cannabis à usage licite", "القنب الهندي للاستعمال المشروع", new[] { "COOP", "UNION" } },
                    { "OEUVRES_SOCIALES", "Œuvres sociales", "الأعمال الاجتماعية", new[] { "ASSO" } },
                    { "ENVIRONNEMENT", "Environnement et développement durable", "البيئة والتنمية المستدامة", new[] { "ASSO" } },
                    { "SPORT", "Sport et loisirs", "الرياضة والترفيه", new[] { "ASSO" } },
                    { "SANTE", "Santé", "الصحة", new[] { "ASSO", "MUTU" } },
                    { "DEVELOPPEMENT_LOCAL", "Développement local", "التنمية المحلية", new[] { "ASSO" } },
                    { "PROTECTION_SOCIALE", "Protection sociale et couverture médicale", "الحماية الاجتماعية والتغطية الصحية", new[] { "MUTU" } },
                    { "AUTRES", "Autres services", "خدمات أخرى", new[] { "COOP", "UNION", "ASSO", "MUTU" } },
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DELETE FROM registry.sectors; DELETE FROM registry.provinces; DELETE FROM registry.regions;");
        }
    }
}
