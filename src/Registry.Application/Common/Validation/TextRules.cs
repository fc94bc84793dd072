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

    /// <summary>The longest organisation name, in UTF-16 code units as FluentValidation counts them.</summary>
    public const int MaxOrganizationNameLength = 200;

    /// <summary>The longest e-mail address (RFC 5321's limit on a path).</summary>
    public const int MaxEmailLength = 254;

    /// <summary>
    /// An organisation's name: clean text that begins with a letter or a digit — never with =, +, - or @,
    /// which a spreadsheet opening the open-data CSV would take for a formula.
    /// </summary>
    public static IRuleBuilderOptions<T, string?> OrganizationName<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Text(MaxOrganizationNameLength)
            .Must(BeginsWithLetterOrDigit)
            .WithMessage("Un nom commence par une lettre ou un chiffre.", "يبدأ الاسم بحرف أو رقم.");

    /// <summary>
    /// An organisation's name in Arabic: no more letters of other scripts than Arabic ones ("جمعية ANMAR" is one; a
    /// Latin name typed in this field would escape the comparison with Latin names), and more than a legal form.
    /// </summary>
    public static IRuleBuilderOptions<T, string?> ArabicOrganizationName<T>(this IRuleBuilder<T, string?> rule) =>
        rule.OrganizationName()
            .Must(v => IsWrittenIn(v, NameScript.Arabic))
            .WithMessage("Le nom en arabe s'écrit en lettres arabes.", "يكتب الاسم بالعربية بحروف عربية.")
            .Distinctive();

    /// <summary>An organisation's name in Latin script: no more Arabic letters than others, and more than a legal form.</summary>
    public static IRuleBuilderOptions<T, string?> LatinOrganizationName<T>(this IRuleBuilder<T, string?> rule) =>
        rule.OrganizationName()
            .Must(v => IsWrittenIn(v, NameScript.Latin))
            .WithMessage("Le nom en caractères latins ne s'écrit pas en lettres arabes : mettez-le dans le nom en arabe.",
                "لا يكتب الاسم بالحروف اللاتينية بحروف عربية: ضعه في خانة الاسم بالعربية.")
            .Distinctive();

    private static IRuleBuilderOptions<T, string?> Distinctive<T>(this IRuleBuilderOptions<T, string?> rule) =>
        rule.Must(IsDistinctive)
            .WithMessage("Un nom ne peut pas être fait seulement de la forme juridique (« Coopérative », « Association »…).",
                "لا يمكن أن يقتصر الاسم على الشكل القانوني («تعاونية»، «جمعية»...).");

    /// <summary>
    /// The first rule of <see cref="ArabicOrganizationName{T}"/> or <see cref="LatinOrganizationName{T}"/> that a name
    /// breaks, for a caller that reports one reason in its own words (the bulk import); null when it breaks none. A blank
    /// name breaks none (whether one is required is the caller's rule), and clean text is <see cref="IsClean"/>'s.
    /// </summary>
    public static OrganizationNameFault? CheckOrganizationName(string? name, NameScript script) =>
        string.IsNullOrWhiteSpace(name) ? null
        : name.Length > MaxOrganizationNameLength ? OrganizationNameFault.TooLong
        : !BeginsWithLetterOrDigit(name) ? OrganizationNameFault.FirstCharacter
        : !IsDistinctive(name) ? OrganizationNameFault.OnlyLegalForm
        : !IsWrittenIn(name, script) ? OrganizationNameFault.WrongScript
        : null;

    /// <summary>Whether a name begins (spaces aside) with a letter or a digit; true for a blank one.</summary>
    public static bool BeginsWithLetterOrDigit(string? name) => string.IsNullOrWhiteSpace(name) || char.IsLetterOrDigit(name.TrimStart()[0]);

    /// <summary>Whether a name has no more letters of the other script than of its own (a mixed name is its majority's).</summary>
    public static bool IsWrittenIn(string? name, NameScript script) =>
        NameNormalizer.CountLetters(name) is var (arabic, other) && (script == NameScript.Arabic ? other <= arabic : arabic <= other);

    /// <summary>Whether a name says more than a legal form (<see cref="NameNormalizer.IsOnlyLegalFormWords"/>); true for a blank one.</summary>
    public static bool IsDistinctive(string? name) => !NameNormalizer.IsOnlyLegalFormWords(name);

    /// <summary>
    /// An e-mail address of at most <see cref="MaxEmailLength"/> characters, clean text, that <see cref="IsEmailAddress"/>
    /// accepts. Refused with FluentValidation's own code and message for an e-mail address, as its <c>EmailAddress()</c> refuses one.
    /// </summary>
    public static IRuleBuilderOptions<T, string?> Email<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(IsEmailAddress)
            .WithErrorCode(EmailErrorCode)
            .WithMessage(_ => ValidatorOptions.Global.LanguageManager.GetString(EmailErrorCode))
            .Text(MaxEmailLength);

    private const string EmailErrorCode = "EmailValidator";

    /// <summary>
    /// An e-mail address as FluentValidation's <c>EmailAddress()</c> (ASP.NET Core compatible) and ASP.NET Core's checks
    /// it: one @, neither first nor last. Whether the mailbox exists only a message can tell. True for null.
    /// </summary>
    public static bool IsEmailAddress(string? value) =>
        value is null || (value.IndexOf('@', StringComparison.Ordinal) is var at && at > 0 && at != value.Length - 1 && at == value.LastIndexOf('@'));

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

/// <summary>The script an organisation's name field is written in.</summary>
public enum NameScript
{
    Arabic,
    Latin,
}

/// <summary>A rule of an organisation's name that a name breaks (<see cref="TextRules.CheckOrganizationName"/>).</summary>
public enum OrganizationNameFault
{
    /// <summary>Longer than <see cref="TextRules.MaxOrganizationNameLength"/>.</summary>
    TooLong,

    /// <summary>Begins with something other than a letter or a digit (a spreadsheet formula's =, +, -, @).</summary>
    FirstCharacter,

    /// <summary>Nothing but a legal form ("Coopérative", "جمعية").</summary>
    OnlyLegalForm,

    /// <summary>More letters of the other script than of its field's.</summary>
    WrongScript,
}
