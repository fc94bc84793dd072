using System.Globalization;
using FluentValidation;

namespace Registry.Application.Common.Validation;

/// <summary>
/// Validation messages in French and Arabic (SPEC §8: messages follow Accept-Language, French by default). The API
/// sets the request's UI culture; FluentValidation's own messages follow it too.
/// </summary>
public static class Localized
{
    /// <summary><paramref name="ar"/> when the current UI language is Arabic, <paramref name="fr"/> otherwise.</summary>
    public static string Text(string fr, string ar) => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "ar" ? ar : fr;

    public static IRuleBuilderOptions<T, TProperty> WithMessage<T, TProperty>(this IRuleBuilderOptions<T, TProperty> rule, string fr, string ar) =>
        rule.WithMessage(_ => Text(fr, ar));
}
