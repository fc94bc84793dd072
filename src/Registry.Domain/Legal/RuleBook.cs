using System.Collections.Frozen;
using Registry.Domain.Applications;
using Registry.Domain.Common;
using Registry.Domain.Documents;
using Registry.Domain.Reference;

namespace Registry.Domain.Legal;

/// <summary>
/// The rule sets of every legal form through time (SPEC §4). An application is judged by the set of its form
/// in force on its submission date: the one with the latest <see cref="RuleSet.EffectiveFrom"/> not after it.
/// </summary>
/// <remarks>
/// <para>A change of law adds a set and keeps the old one, so applications submitted before the change are still
/// judged by the old text. For instance, if a law raised the cooperatives' minimum to 7 members from 1 January 2030:</para>
/// <code>
/// private static RuleSet Cooperatives2030() => Set(
///     LegalForm.COOP, new DateOnly(2030, 1, 1), "Loi 112-12 modifiée par la loi NN-NN",
///     [DocumentKind.Statutes, DocumentKind.ConstitutiveMinutes, DocumentKind.BankCertificate],
///     CooperativeFileArticle, PersonAdult.DefaultMinimumAge,
///     new CoopMinMembers(7), new CoopMinCapital(1_000m), ...);
/// // and add Cooperatives2030() to AllSets, next to Cooperatives2014().
/// </code>
/// <para>Effective dates: the dates below are those of the texts whose current wording the rules encode. Law 112-12
/// (COOP, UNION): its promulgating dahir 1-14-189 of 21 November 2014; the set reads it as amended by law 74-16.
/// Associations: 23 July 2002, the dahir 1-02-206 promulgating law 75-00, which gave art. 5 of the dahir of
/// 15 November 1958 its list of the board's details (nationality, birth, profession, address, CIN); law 07-09 is
/// covered by the same set — add a set dated from its entry into force should a rule encoded here change.
/// Mutual societies: the base dahir 1-57-187 of 12 November 1963, read as amended by law 39-22.</para>
/// </remarks>
public static class RuleBook
{
    private const string CooperativeSource =
        "Loi 112-12 relative aux coopératives (dahir 1-14-189 du 21 novembre 2014), modifiée par la loi 74-16 ; décret 2-15-617";

    private static readonly LocalizedText CooperativeFileArticle = new(
        "Loi 112-12 et décret 2-15-617 (dossier d'immatriculation)", "القانون رقم 112.12 والمرسوم رقم 2.15.617 (ملف التقييد)");

    // One entry per form and text. A change of law appends a new set with a later EffectiveFrom (see the remarks
    // above), e.g. Cooperatives2030(), and leaves the older ones here untouched.
    private static readonly IReadOnlyList<RuleSet> AllSets = Array.AsReadOnly(
    [
        Cooperatives2014(),
        Unions2014(),
        Associations2002(),
        Mutuals1963(),
    ]);

    /// <summary>Every rule set of every form, current and past.</summary>
    public static IReadOnlyList<RuleSet> Sets => AllSets;

    /// <summary>The set of <paramref name="form"/> in force on <paramref name="date"/>.</summary>
    /// <exception cref="InvalidOperationException">No set of that form was in force yet on that date.</exception>
    public static RuleSet For(LegalForm form, DateOnly date) => For(AllSets, form, date);

    /// <summary>Among <paramref name="sets"/>, the one of <paramref name="form"/> with the latest effective date not after <paramref name="date"/>.</summary>
    /// <exception cref="InvalidOperationException">No set of that form was in force yet on that date.</exception>
    public static RuleSet For(IEnumerable<RuleSet> sets, LegalForm form, DateOnly date) =>
        sets.Where(set => set.Form == form && set.EffectiveFrom <= date).MaxBy(set => set.EffectiveFrom)
        ?? throw new InvalidOperationException(
            $"No rule set of {form} is in force on {date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)}.");

    /// <summary>Every rule that the facts break, under the set of their form in force on their submission date.</summary>
    public static IReadOnlyList<BrokenRule> Evaluate(LegalFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        return For(facts.LegalForm, facts.SubmissionDate).Evaluate(facts);
    }

    /// <summary>
    /// What a declaration's new people break, of what was declared about them (SPEC §4 holds every member and officer
    /// to it, not only at registration), under the form's set in force on <paramref name="date"/> (the earliest set for
    /// a date before it, as for an organisation registered under an older register): PERSON_ADULT for those whose birth
    /// date is given, counted on that date; PERSON_CIN for those whose CIN is given, together with
    /// <paramref name="sameCin"/>, the organisation's current members holding one of those CINs, so that a CIN already
    /// in the organisation, or held by another person, is reported. A detail left out is not judged here (a declaration
    /// may leave out what registration requires), and the organisation's other people are not looked at: what the
    /// register already held (data imported from an older register) neither refuses nor excuses a declaration.
    /// </summary>
    public static IReadOnlyList<BrokenRule> EvaluateNewPersons(
        LegalForm form, IReadOnlyList<Member> members, IReadOnlyList<Officer> officers, IReadOnlyList<Member> sameCin, DateOnly date)
    {
        var first = AllSets.Where(s => s.Form == form).Min(s => s.EffectiveFrom);
        var set = For(form, date < first ? first : date);
        var none = new HashSet<DocumentKind>();
        var cooperatives = new HashSet<string>();
        LegalFacts Facts(IEnumerable<Member> people, IEnumerable<Officer> management) =>
            new(form, null, null, null, [.. people], [.. management], date, none, true, cooperatives);

        var cin = set.Evaluate(Facts(
                sameCin.Concat(members.Where(m => !string.IsNullOrWhiteSpace(m.Cin))), officers.Where(o => !string.IsNullOrWhiteSpace(o.Cin))))
            .Where(r => r.Code == LegalRuleCodes.PersonCin);
        var adult = set.Evaluate(Facts(members.Where(m => m.BirthDate is not null), officers.Where(o => o.BirthDate is not null)))
            .Where(r => r.Code == LegalRuleCodes.PersonAdult);
        return [.. cin, .. adult];
    }

    private static RuleSet Cooperatives2014() => Set(
        LegalForm.COOP,
        new DateOnly(2014, 11, 21),
        CooperativeSource,
        [DocumentKind.Statutes, DocumentKind.ConstitutiveMinutes, DocumentKind.BankCertificate],
        CooperativeFileArticle,
        PersonAdult.DefaultMinimumAge,
        new CoopMinMembers(minimum: 5),
        new CoopMinCapital(minimum: 1_000m),
        new CoopShareValue(minimum: 100m),
        new CoopQuarterPaid(),
        new CoopNaturalCapital(minimumPercent: 65),
        new CoopLegalPersonVotes(),
        new CoopManagement(),
        new CoopNameApproved());

    private static RuleSet Unions2014() => Set(
        LegalForm.UNION,
        new DateOnly(2014, 11, 21),
        CooperativeSource + " (unions de coopératives, arts. 85 à 93)",
        [DocumentKind.Statutes, DocumentKind.ConstitutiveMinutes, DocumentKind.MemberCooperativesDecisions],
        CooperativeFileArticle,
        PersonAdult.DefaultMinimumAge,
        new UnionMinCoops(minimum: 3),
        new CoopNameApproved());

    private static RuleSet Associations2002() => Set(
        LegalForm.ASSO,
        new DateOnly(2002, 7, 23),
        "Dahir 1-58-376 du 15 novembre 1958 réglementant le droit d'association, modifié par les lois 75-00 et 07-09",
        [DocumentKind.Statutes, DocumentKind.ConstitutiveMinutes, DocumentKind.MembersList, DocumentKind.LocalAuthorityReceipt],
        Laws.Associations.Article(5),
        PersonAdult.DefaultMinimumAge,
        new AssoMinFounders(minimum: 2),
        new AssoBoardDetails());

    private static RuleSet Mutuals1963() => Set(
        LegalForm.MUTU,
        new DateOnly(1963, 11, 12),
        "Dahir 1-57-187 du 12 novembre 1963 portant statut de la mutualité, modifié par la loi 39-22",
        [DocumentKind.Statutes, DocumentKind.ConstitutiveMinutes],
        new LocalizedText(
            "Dahir 1-57-187 du 12 novembre 1963 (dossier d'approbation)", "الظهير رقم 1.57.187 بتاريخ 12 نونبر 1963 (ملف المصادقة)"),
        MutuAdministrators.DefaultMinimumAge,
        new MutuFinancialPlan(),
        new MutuAdministrators(MutuAdministrators.DefaultMinimumAge));

    /// <summary>A form's own rules followed by the rules every form keeps: adult persons, CINs and documents.</summary>
    private static RuleSet Set(
        LegalForm form,
        DateOnly effectiveFrom,
        string source,
        DocumentKind[] requiredDocuments,
        LocalizedText documentsArticle,
        int officerMinimumAge,
        params ILegalRule[] formRules)
    {
        var required = requiredDocuments.ToFrozenSet();
        ILegalRule[] rules =
        [
            .. formRules,
            new PersonAdult(PersonAdult.DefaultMinimumAge, officerMinimumAge),
            new PersonCin(),
            new RequiredDocumentsAttached(required, documentsArticle),
        ];
        return new RuleSet(form, effectiveFrom, source, Array.AsReadOnly(rules), required);
    }
}
