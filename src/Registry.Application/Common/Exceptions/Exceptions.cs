using Registry.Domain.Common;

namespace Registry.Application.Common.Exceptions;

/// <summary>
/// 404: the resource does not exist, or the caller may not know it exists. The detail is in both languages (the
/// API answers in the request's); a key may be a <see cref="LocalizedText"/> itself.
/// </summary>
public sealed class NotFoundException(LocalizedText resource, object key)
    : Exception(DetailOf(resource, key).Fr)
{
    public LocalizedText Resource { get; } = resource;

    public LocalizedText Detail { get; } = DetailOf(resource, key);

    private static LocalizedText DetailOf(LocalizedText resource, object key) => key is LocalizedText text
        ? new($"{resource.Fr} « {text.Fr} » introuvable.", $"لم يُعثر على {resource.Ar} «{text.Ar}».")
        : new($"{resource.Fr} « {key} » introuvable.", $"لم يُعثر على {resource.Ar} «{key}».");
}

/// <summary>The kinds of resource a <see cref="NotFoundException"/> names, in French and Arabic.</summary>
public static class ResourceKind
{
    public static readonly LocalizedText Application = new("Demande", "الطلب");
    public static readonly LocalizedText Document = new("Document", "الوثيقة");
    public static readonly LocalizedText DeclarationDocument = new("Document de la déclaration", "وثيقة التصريح");
    public static readonly LocalizedText NameReservation = new("Réservation de nom", "حجز الاسم");
    public static readonly LocalizedText Organization = new("Organisation", "الهيئة");
    public static readonly LocalizedText StaffAccount = new("Compte du personnel", "حساب الموظف");
    public static readonly LocalizedText RegionalOfficial = new("Agent régional", "الموظف الجهوي");
    public static readonly LocalizedText OpenDataFile = new("Fichier de données ouvertes", "ملف البيانات المفتوحة");
    public static readonly LocalizedText OpenDataSnapshot = new("Export de données ouvertes", "نسخة البيانات المفتوحة");

    /// <summary>The key of a registration number that is not one (the text sent is not repeated back).</summary>
    public static readonly LocalizedText MalformedRegistrationNumber = new("numéro d'immatriculation mal formé", "رقم تسجيل غير صحيح الصيغة");
}

/// <summary>403: the caller can see the resource but may not do this.</summary>
public sealed class ForbiddenException(string message) : Exception(message);

/// <summary>409: a duplicate, a reused idempotency key, or a concurrent change.</summary>
public sealed class ConflictException(string message) : Exception(message);

/// <summary>412: the If-Match header is missing or names an older version.</summary>
public sealed class PreconditionFailedException(string message) : Exception(message);

/// <summary>415: the content is not of a type the registry accepts.</summary>
public sealed class UnsupportedContentException(string message) : Exception(message);

/// <summary>413: the content is larger than the registry accepts.</summary>
public sealed class ContentTooLargeException(string message) : Exception(message);

/// <summary>400: the request's body cannot be read as the endpoint expects it (a multipart body without its boundary, say).</summary>
public sealed class MalformedRequestException(string message) : Exception(message);
