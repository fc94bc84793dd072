using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Registry.Domain.Common;

namespace Registry.Infrastructure.Identity;

/// <summary>
/// Identity's errors (duplicate e-mail, password policy…) in the request's language: Arabic when the UI culture is
/// Arabic, French otherwise — the pages set it from their language cookie, the API from Accept-Language. The codes
/// stay Identity's, so clients keep matching on them.
/// </summary>
/// <remarks>The user name is the e-mail address here, so the user-name errors speak of the e-mail.</remarks>
public sealed class LocalizedIdentityErrorDescriber : IdentityErrorDescriber
{
    public static readonly LocalizedText AccountExists = new("Un compte existe déjà avec cette adresse e-mail.", "يوجد حساب بهذا البريد الإلكتروني.");

    public static readonly LocalizedText EmailInvalid =
        new("Saisissez une adresse e-mail valide, par exemple nom@exemple.ma.", "أدخل بريداً إلكترونياً صحيحاً، مثل name@example.ma.");

    public override IdentityError DefaultError() => Error(nameof(DefaultError), new("Une erreur inconnue s'est produite.", "حدث خطأ غير معروف."));

    public override IdentityError ConcurrencyFailure() =>
        Error(nameof(ConcurrencyFailure), new("Le compte a été modifié entre-temps. Réessayez.", "عُدّل الحساب في الأثناء. أعد المحاولة."));

    public override IdentityError PasswordMismatch() => Error(nameof(PasswordMismatch), new("Mot de passe incorrect.", "كلمة المرور غير صحيحة."));

    public override IdentityError InvalidToken() => Error(nameof(InvalidToken), new("Ce lien ou ce code n'est plus valable.", "هذا الرابط أو الرمز لم يعد صالحاً."));

    public override IdentityError RecoveryCodeRedemptionFailed() =>
        Error(nameof(RecoveryCodeRedemptionFailed), new("Ce code de récupération n'est pas valable.", "رمز الاسترجاع هذا غير صالح."));

    public override IdentityError LoginAlreadyAssociated() =>
        Error(nameof(LoginAlreadyAssociated), new("Ce moyen de connexion est déjà lié à un compte.", "وسيلة الدخول هذه مرتبطة بحساب آخر."));

    public override IdentityError InvalidUserName(string? userName) => Error(nameof(InvalidUserName), EmailInvalid);

    public override IdentityError InvalidEmail(string? email) => Error(nameof(InvalidEmail), EmailInvalid);

    public override IdentityError DuplicateUserName(string userName) => Error(nameof(DuplicateUserName), AccountExists);

    public override IdentityError DuplicateEmail(string email) => Error(nameof(DuplicateEmail), AccountExists);

    public override IdentityError InvalidRoleName(string? role) => Error(nameof(InvalidRoleName), new("Ce rôle n'existe pas.", "هذا الدور غير موجود."));

    public override IdentityError DuplicateRoleName(string role) => Error(nameof(DuplicateRoleName), new("Ce rôle existe déjà.", "هذا الدور موجود."));

    public override IdentityError UserAlreadyHasPassword() =>
        Error(nameof(UserAlreadyHasPassword), new("Ce compte a déjà un mot de passe.", "لهذا الحساب كلمة مرور."));

    public override IdentityError UserLockoutNotEnabled() =>
        Error(nameof(UserLockoutNotEnabled), new("Le blocage n'est pas activé pour ce compte.", "الإيقاف غير مفعّل لهذا الحساب."));

    public override IdentityError UserAlreadyInRole(string role) => Error(nameof(UserAlreadyInRole), new("Le compte a déjà ce rôle.", "للحساب هذا الدور."));

    public override IdentityError UserNotInRole(string role) => Error(nameof(UserNotInRole), new("Le compte n'a pas ce rôle.", "ليس للحساب هذا الدور."));

    public override IdentityError PasswordTooShort(int length) => Error(nameof(PasswordTooShort), new(
        string.Create(CultureInfo.InvariantCulture, $"Le mot de passe doit compter au moins {length} caractères."),
        string.Create(CultureInfo.InvariantCulture, $"يجب أن تتكون كلمة المرور من {length} أحرف على الأقل.")));

    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) => Error(nameof(PasswordRequiresUniqueChars), new(
        string.Create(CultureInfo.InvariantCulture, $"Le mot de passe doit contenir au moins {uniqueChars} caractères différents."),
        string.Create(CultureInfo.InvariantCulture, $"يجب أن تحتوي كلمة المرور على {uniqueChars} أحرف مختلفة على الأقل.")));

    public override IdentityError PasswordRequiresNonAlphanumeric() => Error(nameof(PasswordRequiresNonAlphanumeric),
        new("Le mot de passe doit contenir un symbole, par exemple ! ou -.", "يجب أن تحتوي كلمة المرور على رمز، مثل ! أو -."));

    public override IdentityError PasswordRequiresDigit() =>
        Error(nameof(PasswordRequiresDigit), new("Le mot de passe doit contenir un chiffre.", "يجب أن تحتوي كلمة المرور على رقم."));

    public override IdentityError PasswordRequiresLower() =>
        Error(nameof(PasswordRequiresLower), new("Le mot de passe doit contenir une minuscule.", "يجب أن تحتوي كلمة المرور على حرف صغير."));

    public override IdentityError PasswordRequiresUpper() =>
        Error(nameof(PasswordRequiresUpper), new("Le mot de passe doit contenir une majuscule.", "يجب أن تحتوي كلمة المرور على حرف كبير."));

    /// <summary>The language of the current request: Arabic or French (French by default, as the API's messages).</summary>
    public static string Language => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "ar" ? "ar" : "fr";

    private static IdentityError Error(string code, LocalizedText text) => new() { Code = code, Description = text.In(Language) };
}
