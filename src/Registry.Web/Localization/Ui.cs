using System.Globalization;
using Registry.Domain.Common;

namespace Registry.Web.Localization;

/// <summary>The page's language and formatting, from the request culture (Arabic by default).</summary>
public static class Ui
{
    public static string Lang => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "ar" ? "ar" : "fr";

    public static string Dir => Lang == "ar" ? "rtl" : "ltr";

    public static string OtherLang => Lang == "ar" ? "fr" : "ar";

    public static string In(LocalizedText text) => text.In(Lang);

    internal static string Say(string fr, string ar) => Lang == "ar" ? ar : fr;

    public static string Date(DateOnly date) => date.ToString("d MMMM yyyy", CultureInfo.CurrentCulture);

    /// <summary>Times are stored in UTC; people read them in Morocco's time.</summary>
    public static string Date(DateTimeOffset time) => Date(DateOnly.FromDateTime(Application.Common.Interfaces.LegalCalendar.ToMorocco(time).DateTime));

    public static string Number(int value) => value.ToString("N0", CultureInfo.CurrentCulture);

    public static string Percent(int part, int whole) =>
        whole == 0 ? "—" : ((double)part / whole).ToString("P0", CultureInfo.CurrentCulture);
}
