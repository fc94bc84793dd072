using FluentValidation;
using Registry.Domain.Names;

namespace Registry.Application.Common.Validation;

/// <summary>Free text of bounded length without control characters or bidirectional overrides.</summary>
public static class TextRules
{
    public static IRuleBuilderOptions<T, string?> Text<T>(this IRuleBuilder<T, string?> rule, int maxLength, bool multiline = false) =>
        rule.MaximumLength(maxLength)
            .Must(v => IsClean(v, multiline))
            .WithMessage(
                "Les caractères de contrôle et de forçage de direction ne sont pas admis.",
                "لا يسمح بأحرف التحكم ولا بأحرف فرض اتجاه الكتابة.");

    /// <summary>
    /// The reason or comments a decision must give (reject, request changes, suspend, reinstate, strike off, dissolve):
    /// clean text with at least one visible character, refused with <paramref name="fr"/> / <paramref name="ar"/>
    /// otherwise. Whitespace and invisible format characters (zero-width spaces and joiners, byte-order marks: Unicode's
    /// Cf) say nothing: made only of them, a reason is as empty as "".
    /// </summary>
    public static IRuleBuilderOptions<T, string?> Explanation<T>(this IRuleBuilder<T, string?> rule, int maxLength, string fr, string ar) =>
        rule.NotEmpty().Must(HasVisibleCharacter).WithMessage(fr, ar).Text(maxLength, multiline: true);

    /// <summary>Whether some character of the text is neither whitespace, nor a control, nor an invisible format character.</summary>
    public static bool HasVisibleCharacter(string? value) =>
        value is not null && value.EnumerateRunes().Any(r =>
            !System.Text.Rune.IsWhiteSpace(r) && !System.Text.Rune.IsControl(r) && System.Text.Rune.GetUnicodeCategory(r) != System.Globalization.UnicodeCategory.Format);

    /// <summary>
    /// An organisation's name: clean text that begins with a letter or a digit — never with =, +, - or @,
    /// which a spreadsheet opening the open-data CSV would take for a formula.
    /// </summary>
    public static IRuleBuilderOptions<T, string?> OrganizationName<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Text(200)
            .Must(v => string.IsNullOrWhiteSpace(v) || char.IsLetterOrDigit(v.TrimStart()[0]))
            .WithMessage("Un nom commence par une lettre ou un chiffre.", "يبدأ الاسم بحرف أو رقم.");

    /// <summary>
    /// An organisation's name in Arabic: no more letters of other scripts than Arabic ones ("جمعية ANMAR" is one; a
    /// Latin name typed in this field would escape the comparison with Latin names), and more than a legal form.
    /// </summary>
    public static IRuleBuilderOptions<T, string?> ArabicOrganizationName<T>(this IRuleBuilder<T, string?> rule) =>
        rule.OrganizationName()
            .Must(v => NameNormalizer.CountLetters(v) is var (arabic, other) && other <= arabic)
            .WithMessage("Le nom en arabe s'écrit en lettres arabes.", "يكتب الاسم بالعربية بحروف عربية.")
            .Distinctive();

    /// <summary>An organisation's name in Latin script: no more Arabic letters than others, and more than a legal form.</summary>
    public static IRuleBuilderOptions<T, string?> LatinOrganizationName<T>(this IRuleBuilder<T, string?> rule) =>
        rule.OrganizationName()
            .Must(v => NameNormalizer.CountLetters(v) is var (arabic, other) && arabic <= other)
            .WithMessage("Le nom en caractères latins ne s'écrit pas en lettres arabes : mettez-le dans le nom en arabe.",
                "لا يكتب الاسم بالحروف اللاتينية بحروف عربية: ضعه في خانة الاسم بالعربية.")
            .Distinctive();

    private static IRuleBuilderOptions<T, string?> Distinctive<T>(this IRuleBuilderOptions<T, string?> rule) =>
        rule.Must(v => !NameNormalizer.IsOnlyLegalFormWords(v))
            .WithMessage("Un nom ne peut pas être fait seulement de la forme juridique (« Coopérative », « Association »…).",
                "لا يمكن أن يقتصر الاسم على الشكل القانوني («تعاونية»، «جمعية»...).");

    private static readonly System.Text.UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>A control character (but a line break or tab in text of several lines) or a bidirectional override or isolate.</summary>
    public static bool IsForbidden(char c, bool multiline = false) =>
        (char.IsControl(c) && !(multiline && c is '\n' or '\r' or '\t')) || c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069';

    public static bool IsClean(string? value, bool multiline = false)
    {
        if (value is null)
        {
            return true;
        }

        if (value.Any(c => IsForbidden(c, multiline)))
        {
            return false;
        }

        try
        {
            StrictUtf8.GetByteCount(value); // a lone surrogate cannot be stored as UTF-8
            return true;
        }
        catch (System.Text.EncoderFallbackException)
        {
            return false;
        }
    }
}
