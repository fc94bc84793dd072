using FluentValidation;
using Mediator;
using Microsoft.Extensions.Options;
using Registry.Application.Common.Exceptions;
using Registry.Application.Common.Interfaces;
using Registry.Application.Common.Messaging;
using Registry.Application.Common.Validation;
using Registry.Domain.Names;
using Registry.Domain.Reference;

namespace Registry.Application.NameReservations.Commands.ReserveName;

/// <summary>
/// An applicant reserves a name for 60 days. The same normalised name as a registered organisation or a live
/// reservation is a conflict; similar names are returned as warnings with their similarity.
/// </summary>
public sealed record ReserveName(LegalForm LegalForm, string? NameAr, string? NameLatin, string? IdempotencyKey = null)
    : ICommand<ReservationView>, IIdempotentCommand;

public sealed class ReserveNameValidator : AbstractValidator<ReserveName>
{
    public ReserveNameValidator()
    {
        RuleFor(x => x.LegalForm).IsInEnum();
        RuleFor(x => x.NameAr).ArabicOrganizationName();
        RuleFor(x => x.NameLatin).LatinOrganizationName();
        RuleFor(x => x.NameAr).NotEmpty().When(x => string.IsNullOrWhiteSpace(x.NameLatin)).WithMessage("Indiquez le nom en arabe ou en caractères latins.", "أدخل الاسم بالعربية أو بالحروف اللاتينية.");
    }
}

internal sealed class ReserveNameHandler(
    IRegistryDbContext db, INameRegister names, IOptions<NameOptions> options, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<ReserveName, ReservationView>
{
    public async ValueTask<ReservationView> Handle(ReserveName command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var reservation = NameReservation.Reserve(currentUser.RequireUserId(), command.LegalForm, Clean(command.NameAr), Clean(command.NameLatin), now);
        if (reservation.NormalizedAr.Length == 0 && reservation.NormalizedLatin.Length == 0)
        {
            throw new ValidationException([new FluentValidation.Results.ValidationFailure("name", Localized.Text("Le nom ne contient ni lettre ni chiffre.", "لا يتضمن الاسم أي حرف أو رقم."))]);
        }

        await names.LockAsync([reservation.NormalizedAr, reservation.NormalizedLatin], cancellationToken);
        if (await names.FindSameAsync(reservation.NormalizedAr, reservation.NormalizedLatin, now, cancellationToken) is { } same)
        {
            var taken = same.NameLatin ?? same.NameAr;
            throw new ConflictException(same.RegistrationNumber is { } number
                ? Localized.Text($"Ce nom est déjà immatriculé : « {taken} » ({number}).", $"هذا الاسم مسجل من قبل: «{taken}» ({number}).")
                : Localized.Text($"Ce nom est déjà réservé : « {taken} ».", $"هذا الاسم محجوز من قبل: «{taken}»."));
        }

        var similar = await names.FindSimilarAsync(reservation.NormalizedAr, reservation.NormalizedLatin,
            options.Value.SimilarityThreshold, now, options.Value.MaxWarnings, cancellationToken);
        db.NameReservations.Add(reservation);
        return ReservationView.Of(reservation, similar);
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
