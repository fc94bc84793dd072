using Registry.Domain.Documents;
using Registry.Domain.Legal;
using Registry.Domain.Reference;

namespace Registry.Domain.Tests.Legal;

public sealed class LegalFactsTests
{
    [Fact]
    public void Of_takes_the_declaration_from_the_application_and_the_rest_from_the_caller()
    {
        var details = TestData.Details().WithLegalForm(LegalForm.COOP).Build() with { ShareValue = 150m };
        var application = TestData.DraftApplication(details);
        var documents = LegalTestData.Attached(DocumentKind.Statutes);
        var active = LegalTestData.Numbers("COOP-06-2020-000001");
        var submittedOn = new DateOnly(2026, 3, 3);

        var facts = LegalFacts.Of(application, submittedOn, documents, holdsValidNameReservation: true, active);

        Assert.Equal(LegalForm.COOP, facts.LegalForm);
        Assert.Equal("تعاونية الأمل", facts.NameAr);
        Assert.Equal("Coopérative Al Amal", facts.NameLatin);
        Assert.Equal(150m, facts.ShareValue);
        Assert.Equal(application.Members, facts.Members);
        Assert.Equal(application.Officers, facts.Officers);
        Assert.Equal(submittedOn, facts.SubmissionDate);
        Assert.Same(documents, facts.AttachedDocuments);
        Assert.True(facts.HoldsValidNameReservation);
        Assert.Same(active, facts.ActiveCooperativeNumbers);
    }

    [Fact]
    public void Of_keeps_a_snapshot_of_the_members_and_officers()
    {
        var application = TestData.DraftApplication();
        var facts = LegalFacts.Of(application, LegalTestData.SubmittedOn, LegalTestData.Attached(), false, LegalTestData.Numbers());

        application.Edit(TestData.Details().WithMembers(TestData.Fatima()).WithOfficers().Build(), TestData.EditedAt);

        Assert.Equal(4, facts.Members.Count);
        Assert.Equal(2, facts.Officers.Count);
    }

    [Fact]
    public void The_facts_of_the_sample_application_are_judged_by_the_cooperative_rules()
    {
        // The shared sample cooperative has 4 members, no share value and a legal person holding 20 of 50 shares.
        var application = TestData.DraftApplication();
        var facts = LegalFacts.Of(application, LegalTestData.SubmittedOn, LegalTestData.Attached(), false, LegalTestData.Numbers());

        var codes = RuleBook.Evaluate(facts).Select(rule => rule.Code).ToList();

        Assert.Contains(LegalRuleCodes.CoopMinMembers, codes);
        Assert.Contains(LegalRuleCodes.CoopShareValue, codes);
        Assert.Contains(LegalRuleCodes.CoopNaturalCapital, codes);
        Assert.Contains(LegalRuleCodes.RequiredDocuments, codes);
    }
}
