using Registry.Domain.Common;
using Registry.Domain.Documents;
using Registry.Domain.Legal;
using Registry.Domain.Reference;
using static Registry.Domain.Tests.Legal.LegalTestData;

namespace Registry.Domain.Tests.Legal;

public sealed class RequiredDocumentsTests
{
    public static TheoryData<LegalForm, DocumentKind> RequiredPerForm => new()
    {
        { LegalForm.COOP, DocumentKind.Statutes },
        { LegalForm.COOP, DocumentKind.ConstitutiveMinutes },
        { LegalForm.COOP, DocumentKind.BankCertificate },
        { LegalForm.UNION, DocumentKind.Statutes },
        { LegalForm.UNION, DocumentKind.ConstitutiveMinutes },
        { LegalForm.UNION, DocumentKind.MemberCooperativesDecisions },
        { LegalForm.ASSO, DocumentKind.Statutes },
        { LegalForm.ASSO, DocumentKind.ConstitutiveMinutes },
        { LegalForm.ASSO, DocumentKind.MembersList },
        { LegalForm.ASSO, DocumentKind.LocalAuthorityReceipt },
        { LegalForm.MUTU, DocumentKind.Statutes },
        { LegalForm.MUTU, DocumentKind.ConstitutiveMinutes },
    };

    [Theory]
    [MemberData(nameof(RequiredPerForm))]
    public void Each_required_document_missing_breaks_the_rule(LegalForm form, DocumentKind missing)
    {
        var valid = Valid(form);
        var facts = valid with { AttachedDocuments = valid.AttachedDocuments.Where(kind => kind != missing).ToHashSet() };

        Assert.Equal([LegalRuleCodes.RequiredDocuments], Codes(facts));
    }

    [Fact]
    public void The_message_lists_every_missing_document()
    {
        var facts = Cooperative() with { AttachedDocuments = Attached(DocumentKind.ConstitutiveMinutes, DocumentKind.Other) };

        var broken = Broken(facts, LegalRuleCodes.RequiredDocuments);

        Assert.Equal("Pièces requises manquantes : statuts, attestation bancaire du dépôt du capital libéré.", broken.Message.Fr);
        Assert.Equal("الوثائق المطلوبة غير المرفقة: النظام الأساسي، شهادة بنكية تثبت إيداع رأس المال المحرر.", broken.Message.Ar);
        Assert.Equal(new LocalizedText("Loi 112-12 et décret 2-15-617 (dossier d'immatriculation)", "القانون رقم 112.12 والمرسوم رقم 2.15.617 (ملف التقييد)"), broken.Article);
    }

    [Fact]
    public void Nothing_attached_breaks_the_rule_once()
    {
        var facts = Association() with { AttachedDocuments = Attached() };

        Assert.Equal([LegalRuleCodes.RequiredDocuments], Codes(facts));
    }

    [Theory]
    [InlineData(LegalForm.COOP, new[] { DocumentKind.Statutes, DocumentKind.ConstitutiveMinutes, DocumentKind.BankCertificate })]
    [InlineData(LegalForm.UNION, new[] { DocumentKind.Statutes, DocumentKind.ConstitutiveMinutes, DocumentKind.MemberCooperativesDecisions })]
    [InlineData(LegalForm.ASSO, new[] { DocumentKind.Statutes, DocumentKind.ConstitutiveMinutes, DocumentKind.MembersList, DocumentKind.LocalAuthorityReceipt })]
    [InlineData(LegalForm.MUTU, new[] { DocumentKind.Statutes, DocumentKind.ConstitutiveMinutes })]
    public void Each_form_requires_its_documents(LegalForm form, DocumentKind[] expected)
    {
        var set = RuleBook.For(form, SubmittedOn);

        Assert.True(set.RequiredDocuments.SetEquals(expected));
        var rule = Assert.IsType<RequiredDocumentsAttached>(Assert.Single(set.Rules, rule => rule.Code == LegalRuleCodes.RequiredDocuments));
        Assert.True(rule.Required.SetEquals(expected));
    }
}
