using Registry.Domain.Applications;
using Registry.Domain.Documents;
using Registry.Domain.Reference;

namespace Registry.Domain.Legal;

/// <summary>
/// Everything the law's rules look at, gathered before evaluation so that the rules stay pure:
/// the declared organisation, the submission date, the attached documents and what the registry knows
/// (name reservation, which member cooperatives are registered and active).
/// </summary>
/// <param name="ActiveCooperativeNumbers">
/// Registration numbers, among the members' <see cref="Member.LegalIdentifier"/> values, that the registry knows
/// as registered and <c>Active</c> cooperatives (unions of cooperatives, law 112-12 art. 85).
/// </param>
public sealed record LegalFacts(
    LegalForm LegalForm,
    string? NameAr,
    string? NameLatin,
    decimal? ShareValue,
    IReadOnlyList<Member> Members,
    IReadOnlyList<Officer> Officers,
    DateOnly SubmissionDate,
    IReadOnlySet<DocumentKind> AttachedDocuments,
    bool HoldsValidNameReservation,
    IReadOnlySet<string> ActiveCooperativeNumbers)
{
    /// <summary>The facts of an application, as declared, completed by what the caller looked up.</summary>
    public static LegalFacts Of(
        RegistrationApplication application,
        DateOnly submissionDate,
        IReadOnlySet<DocumentKind> attachedDocuments,
        bool holdsValidNameReservation,
        IReadOnlySet<string> activeCooperativeNumbers)
    {
        ArgumentNullException.ThrowIfNull(application);
        ArgumentNullException.ThrowIfNull(attachedDocuments);
        ArgumentNullException.ThrowIfNull(activeCooperativeNumbers);
        return new LegalFacts(
            application.LegalForm,
            application.NameAr,
            application.NameLatin,
            application.ShareValue,
            [.. application.Members],
            [.. application.Officers],
            submissionDate,
            attachedDocuments,
            holdsValidNameReservation,
            activeCooperativeNumbers);
    }
}
