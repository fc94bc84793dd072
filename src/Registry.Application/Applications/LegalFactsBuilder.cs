using Microsoft.EntityFrameworkCore;
using Registry.Application.Common.Interfaces;
using Registry.Domain.Applications;
using Registry.Domain.Legal;
using Registry.Domain.Names;
using Registry.Domain.Organizations;
using Registry.Domain.Reference;

namespace Registry.Application.Applications;

/// <summary>Gathers what the law's rules need beyond the application itself: documents, the name reservation, member cooperatives.</summary>
public sealed class LegalFactsBuilder(IRegistryDbContext db)
{
    /// <summary>The facts, and the reservation covering the name (which approval consumes).</summary>
    public async Task<(LegalFacts Facts, NameReservation? Reservation)> ForAsync(
        RegistrationApplication application, DateOnly submissionDate, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var documents = await db.Documents.Where(d => d.ApplicationId == application.Id).Select(d => d.Kind).Distinct().ToListAsync(cancellationToken);
        var reservation = await CoveringReservationAsync(application, now, cancellationToken);
        // Only a union's rule (UNION_MIN_COOPS) asks which legal-person members are active cooperatives here;
        // a cooperative's or an association's legal persons cost no query.
        var identifiers = application.LegalForm == LegalForm.UNION
            ? application.Members.Where(m => m.LegalIdentifier is not null).Select(m => m.LegalIdentifier!).Distinct().ToList()
            : [];
        var activeCooperatives = identifiers.Count == 0
            ? []
            : await db.Organizations
                .Where(o => identifiers.Contains(o.RegistrationNumber) && o.LegalForm == LegalForm.COOP && o.Status == OrganizationStatus.Active)
                .Select(o => o.RegistrationNumber)
                .ToListAsync(cancellationToken);
        return (LegalFacts.Of(application, submissionDate, documents.ToHashSet(), reservation is not null, activeCooperatives.ToHashSet()), reservation);
    }

    /// <summary>The owner's live reservation, for the application's legal form, whose normalised name is the application's, if any.</summary>
    /// <remarks>
    /// The legal form and the normalised keys are compared in the query, so only the covering reservations are read,
    /// not every live reservation of an owner who holds many (a promoter, an accountant filing for several
    /// cooperatives). A reservation for another form does not cover the name: COOP_NAME_APPROVED asks for the
    /// name approval of that cooperative or union, and approval consumes only the reservation found here.
    /// </remarks>
    private async Task<NameReservation?> CoveringReservationAsync(RegistrationApplication application, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var owner = application.OwnerId;
        var form = application.LegalForm;
        var ar = NameNormalizer.NormalizeArabic(application.NameAr);
        var latin = NameNormalizer.NormalizeLatin(application.NameLatin);
        if (ar.Length == 0 && latin.Length == 0)
        {
            return null;
        }

        var candidates = await db.NameReservations
            .Where(r => r.HolderId == owner && r.LegalForm == form && r.ConsumedAt == null && r.ExpiresAt > now
                && (ar == "" || r.NormalizedAr == ar) && (latin == "" || r.NormalizedLatin == latin))
            .ToListAsync(cancellationToken);
        return candidates.FirstOrDefault(r => r.Covers(form, application.NameAr, application.NameLatin));
    }
}
