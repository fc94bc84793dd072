using Registry.Application.Common.Interfaces;
using Registry.Domain.Names;
using Registry.Domain.Reference;

namespace Registry.Application.NameReservations;

public sealed record ReservationView(
    Guid Id, LegalForm LegalForm, string? NameAr, string? NameLatin, DateTimeOffset ReservedAt, DateTimeOffset ExpiresAt, bool Renewed,
    DateTimeOffset? ConsumedAt, IReadOnlyList<NameMatch> SimilarNames)
{
    public static ReservationView Of(NameReservation r, IReadOnlyList<NameMatch>? similar = null) =>
        new(r.Id, r.LegalForm, r.NameAr, r.NameLatin, r.ReservedAt, r.ExpiresAt, r.Renewed, r.ConsumedAt, similar ?? []);
}
