using System.Security.Cryptography;
using FluentValidation;
using Registry.Application.Common.Exceptions;
using Registry.Application.Common.Validation;
using Registry.Domain.Documents;

namespace Registry.Application.Documents;

/// <summary>A file as received, checked the same way wherever the registry accepts one.</summary>
public sealed record UploadedFile(string FileName, byte[] Content)
{
    /// <summary>
    /// The file's format recognised from its bytes and their SHA-256; a file over the size limit, or that is not a
    /// whole PDF, JPEG or PNG (<see cref="DocumentFormat.Detect"/>: one cut short or carrying a program), is refused.
    /// </summary>
    /// <summary>Why a file of another type is refused, in the current language (the API's 415 and the pages' error).</summary>
    public static string WrongType => Localized.Text(
        "Seuls les fichiers PDF, JPEG et PNG complets sont acceptés, sans fichier joint ni programme ; ce fichier n'en est pas un.",
        "لا تقبل إلا ملفات PDF وJPEG وPNG كاملة، دون ملف مرفق أو برنامج بداخلها؛ وهذا الملف ليس منها.");

    public (DocumentFormat Format, string Sha256) Inspect()
    {
        if (Content.LongLength > ApplicationDocument.MaxSizeBytes)
        {
            var megabytes = ApplicationDocument.MaxSizeBytes / (1024 * 1024);
            throw new ContentTooLargeException(Localized.Text(
                $"Le fichier dépasse {megabytes} Mo, la taille maximale d'un document.", $"يتجاوز الملف {megabytes} ميغابايت، وهو الحجم الأقصى للوثيقة."));
        }

        var format = DocumentFormat.Detect(Content) ?? throw new UnsupportedContentException(WrongType);
        return (format, Convert.ToHexStringLower(SHA256.HashData(Content)));
    }
}

public sealed class UploadedFileValidator : AbstractValidator<UploadedFile>
{
    public UploadedFileValidator()
    {
        RuleFor(x => x.FileName).NotEmpty().Text(255)
            .Must(n => n is not null && n.IndexOfAny(['/', '\\']) < 0 && n is not "." and not "..").WithMessage("Un nom de fichier, pas un chemin.", "اسم ملف، لا مسار.");
        RuleFor(x => x.Content).NotEmpty().WithMessage("Le fichier est vide.", "الملف فارغ.");
    }
}
