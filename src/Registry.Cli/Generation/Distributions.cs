using Registry.Cli.Common;

namespace Registry.Cli.Generation;

/// <summary>
/// The shape of the national data, from shared/data/ess_figures.csv and SPEC §9 (see docs/cli.md):
/// about 61,000 cooperatives, 236,000 associations and 28 mutuals today, scaled to the requested count.
/// </summary>
internal static class Distributions
{
    public const byte Coop = 0, Union = 1, Asso = 2, Mutu = 3;

    public static readonly string[] FormCodes = ["COOP", "UNION", "ASSO", "MUTU"];

    /// <summary>
    /// Associations dominate (236k vs 61k cooperatives, SPEC §9); unions are about 0.6 % of cooperatives
    /// (30 of 4,827 in 2004); mutuals are a handful (28 nationally, so about 0.03 % at ten times the scale).
    /// </summary>
    public static readonly double[] FormWeights = Cumulative.Of(0.2040, 0.0012, 0.7945, 0.0003);

    /// <summary>Cooperatives by region: ODCO regional shares (~2021, ess_figures.csv), region codes 01–12.</summary>
    public static readonly Dictionary<string, double> CoopRegionShare = new()
    {
        ["01"] = 7, ["02"] = 8, ["03"] = 9, ["04"] = 6, ["05"] = 6, ["06"] = 9,
        ["07"] = 12, ["08"] = 6, ["09"] = 15, ["10"] = 9, ["11"] = 12, ["12"] = 1,
    };

    /// <summary>
    /// Associations by region: roughly the population (2024 census), with Casablanca-Settat the highest
    /// (19,500 of 130,000 in 2016, 15 %) and Dakhla-Oued Ed-Dahab the lowest (716, 0.55 %).
    /// </summary>
    public static readonly Dictionary<string, double> AssoRegionShare = new()
    {
        ["01"] = 11, ["02"] = 7.5, ["03"] = 12.5, ["04"] = 13.5, ["05"] = 7, ["06"] = 15,
        ["07"] = 13, ["08"] = 5.5, ["09"] = 8.5, ["10"] = 2.5, ["11"] = 3.4, ["12"] = 0.6,
    };

    /// <summary>Mutuals sit where the public and private employers are.</summary>
    public static readonly Dictionary<string, double> MutuRegionShare = new()
    {
        ["01"] = 5, ["02"] = 3, ["03"] = 6, ["04"] = 35, ["05"] = 2, ["06"] = 40,
        ["07"] = 5, ["08"] = 1, ["09"] = 2, ["10"] = 0.5, ["11"] = 0.3, ["12"] = 0.2,
    };

    /// <summary>Cooperative sectors: agriculture 63 %, handicraft 19 %, housing 3.5 % (2020), the rest spread over ODCO's list.</summary>
    public static readonly (string Code, double Weight)[] CoopSectors =
    [
        ("AGRI", 60), ("ARTISANAT", 19), ("HABITAT", 3.5), ("ARGANE", 3), ("PAM", 2), ("ALIM", 2), ("PECHE", 1.5), ("FORET", 0.8),
        ("TRANSPORT", 1.2), ("EDUCATION", 0.6), ("COMMERCE", 0.6), ("CONSOMMATION", 0.4), ("CARRIERES", 0.3),
        ("MAIN_OEUVRE", 0.5), ("DECHETS", 0.3), ("TOURISME", 0.8), ("COMMUNICATION", 0.2), ("CONSEIL", 0.3), ("CULTURE", 0.4),
        ("MINES", 0.2), ("IMPRIMERIE", 0.1), ("COMPTABILITE", 0.1), ("E_COMMERCE", 0.3), ("CANNABIS_LICITE", 0.2), ("AUTRES", 1.2),
    ];

    /// <summary>Association fields (2014 Ministry of Interior study): social works 24 %, environment and development 21 %, sport 19 %.</summary>
    public static readonly (string Code, double Weight)[] AssoSectors =
    [
        ("OEUVRES_SOCIALES", 24), ("ENVIRONNEMENT", 21), ("SPORT", 19), ("DEVELOPPEMENT_LOCAL", 12), ("EDUCATION", 8), ("CULTURE", 6),
        ("SANTE", 4), ("AGRI", 2), ("ARTISANAT", 1), ("TOURISME", 1), ("DECHETS", 0.5), ("AUTRES", 1.5),
    ];

    public static readonly (string Code, double Weight)[] MutuSectors = [("PROTECTION_SOCIALE", 80), ("SANTE", 20)];

    /// <summary>Registrations per year grow about 12 % a year (4,827 cooperatives in 2004, 60,939 in 2024).</summary>
    public static double YearWeight(int year) => Math.Exp(0.12 * (year - 2005));

    public const int FirstYear = 2005;

    /// <summary>13 % of cooperatives are women's cooperatives (7,874 of 60,939, 2024).</summary>
    public const double WomensCoopShare = 0.13;

    /// <summary>Women are 34 % of cooperative members (2024): the other cooperatives have (0.34 − 0.13·1)/0.87 women.</summary>
    public const double WomenInMixedCoop = 0.24;

    public const double WomenInAsso = 0.30, WomenInMutu = 0.42;
}
