using Registry.Domain.Common;
using Registry.Domain.Legal;
using Registry.Domain.Reference;

namespace Registry.Domain.Names;

/// <summary>
/// A name reserved for an organisation to be registered (the ODCO name approval): valid 60 days, renewable
/// once for 60 more by its holder, consumed by the approval of the application that uses it.
/// </summary>
public sealed class NameReservation : AggregateRoot
{
    public static readonly TimeSpan Validity = TimeSpan.FromDays(60);

    private NameReservation() { }

    public Guid HolderId { get; private set; }
    public LegalForm LegalForm { get; private set; }
    public string? NameAr { get; private set; }
    public string? NameLatin { get; private set; }
    public string NormalizedAr { get; private set; } = "";
    public string NormalizedLatin { get; private set; } = "";
    public DateTimeOffset ReservedAt { get; private set; }
    public DateTimeOffset ExpiresAt { get; private set; }
    public bool Renewed { get; private set; }
    public DateTimeOffset? ConsumedAt { get; private set; }
    public Guid? ApplicationId { get; private set; }

    public bool IsLiveAt(DateTimeOffset now) => ConsumedAt is null && ExpiresAt > now;

    public static NameReservation Reserve(Guid holderId, LegalForm legalForm, string? nameAr, string? nameLatin, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        HolderId = holderId,
        LegalForm = legalForm,
        NameAr = nameAr,
        NameLatin = nameLatin,
        NormalizedAr = NameNormalizer.NormalizeArabic(nameAr),
        NormalizedLatin = NameNormalizer.NormalizeLatin(nameLatin),
        ReservedAt = now,
        ExpiresAt = now + Validity,
    };

    public void Renew(DateTimeOffset now)
    {
        if (Renewed || !IsLiveAt(now))
        {
            throw new RuleViolationException(new BrokenRule("NAME_RESERVATION_RENEWAL", Laws.CooperativesDecree.Article(4), new LocalizedText(
                Renewed ? "La réservation a déjà été renouvelée une fois." : "La réservation n'est plus valide et ne peut être renouvelée.",
                Renewed ? "سبق تجديد هذا الحجز مرة واحدة." : "لم يعد هذا الحجز ساريا ولا يمكن تجديده.")));
        }

        Renewed = true;
        ExpiresAt += Validity;
    }

    public void Consume(Guid applicationId, DateTimeOffset now)
    {
        ConsumedAt = now;
        ApplicationId = applicationId;
    }

    /// <summary>
    /// Whether this reservation covers an application: one of its own legal form (the name approval is given for a
    /// cooperative, or for a union, not for any body: a mutual's reservation of "Coop X" approves no cooperative's
    /// name), with the same name in either script after normalisation.
    /// </summary>
    public bool Covers(LegalForm legalForm, string? nameAr, string? nameLatin)
    {
        var ar = NameNormalizer.NormalizeArabic(nameAr);
        var latin = NameNormalizer.NormalizeLatin(nameLatin);
        return legalForm == LegalForm
            && (ar.Length > 0 || latin.Length > 0)
            && (ar.Length == 0 || ar == NormalizedAr)
            && (latin.Length == 0 || latin == NormalizedLatin);
    }
}
