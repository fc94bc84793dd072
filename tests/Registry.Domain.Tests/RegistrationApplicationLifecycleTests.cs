using Registry.Domain.Applications;
using Registry.Domain.Common;
using Registry.Domain.Legal;
using Registry.Domain.Organizations;
using Registry.Domain.Reference;

namespace Registry.Domain.Tests;

public sealed class RegistrationApplicationLifecycleTests
{
    [Fact]
    public void Draft_starts_an_editable_draft_with_the_declared_details()
    {
        var details = TestData.Details().WithContacts("contact@alamal.ma", "+212522000000").Build();

        var application = RegistrationApplication.Draft(TestData.OwnerId, details, TestData.DraftedAt);

        Assert.Equal(ApplicationStatus.Draft, application.Status);
        Assert.True(application.IsEditable);
        Assert.NotEqual(Guid.Empty, application.Id);
        Assert.Equal(TestData.OwnerId, application.OwnerId);
        Assert.Equal(LegalForm.COOP, application.LegalForm);
        Assert.Equal("تعاونية الأمل", application.NameAr);
        Assert.Equal("Coopérative Al Amal", application.NameLatin);
        Assert.Equal("AGRI", application.SectorCode);
        Assert.Equal("141", application.ProvinceCode);
        Assert.Equal("06", application.RegionCode);
        Assert.Equal("12-31", application.FinancialYearEnd);
        Assert.Equal("contact@alamal.ma", application.ContactEmail);
        Assert.Equal(details.Members, application.Members);
        Assert.Equal(details.Officers, application.Officers);
        Assert.Equal(TestData.DraftedAt, application.CreatedAt);
        Assert.Null(application.SubmittedAt);
        Assert.Null(application.DecidedAt);
        Assert.Null(application.OrganizationId);
    }

    [Fact]
    public void Submit_moves_a_draft_to_submitted_as_a_first_submission()
    {
        var application = TestData.DraftApplication();

        application.Submit(TestData.SubmittedAt);

        Assert.Equal(ApplicationStatus.Submitted, application.Status);
        Assert.False(application.IsEditable);
        Assert.Equal(TestData.SubmittedAt, application.SubmittedAt);
        var submitted = Assert.IsType<ApplicationSubmitted>(application.DomainEvents[^1]);
        Assert.Equal(application.Id, submitted.ApplicationId);
        Assert.False(submitted.Resubmission);
        Assert.Equal(TestData.SubmittedAt, submitted.OccurredAt);
    }

    [Fact]
    public void Approve_creates_the_organization_with_the_given_number_and_the_application_details()
    {
        var details = TestData.Details().WithContacts("contact@alamal.ma", "+212522000000").Build();
        var application = TestData.SubmittedApplication(details);
        var number = RegistrationNumber.Create(LegalForm.COOP, "06", 2026, 123);

        var organization = application.Approve(TestData.OfficialId, number, TestData.DecidedAt);

        Assert.Equal(ApplicationStatus.Approved, application.Status);
        Assert.Equal(organization.Id, application.OrganizationId);
        Assert.NotEqual(Guid.Empty, organization.Id);
        Assert.Equal(TestData.OfficialId, application.DecidedBy);
        Assert.Equal(TestData.DecidedAt, application.DecidedAt);
        Assert.Null(application.DecisionNote);

        Assert.Equal("COOP-06-2026-000123", organization.RegistrationNumber);
        Assert.Equal(OrganizationStatus.Active, organization.Status);
        Assert.Equal(application.Id, organization.ApplicationId);
        Assert.Equal(TestData.OwnerId, organization.OwnerId);
        Assert.Equal(LegalForm.COOP, organization.LegalForm);
        Assert.Equal("تعاونية الأمل", organization.NameAr);
        Assert.Equal("Coopérative Al Amal", organization.NameLatin);
        Assert.Equal("AGRI", organization.SectorCode);
        Assert.Equal(details.SeatAddress, organization.SeatAddress);
        Assert.Equal("141", organization.ProvinceCode);
        Assert.Equal("06", organization.RegionCode);
        Assert.Equal(details.FoundingDate, organization.FoundingDate);
        Assert.Equal("12-31", organization.FinancialYearEnd);
        Assert.Equal("contact@alamal.ma", organization.ContactEmail);
        Assert.Equal("+212522000000", organization.ContactPhone);
        Assert.Equal(TestData.DecidedAt, organization.RegisteredAt);
        Assert.Equal(TestData.DecidedAt, organization.StatusChangedAt);
    }

    [Fact]
    public void Approve_counts_the_members_and_the_women_among_them()
    {
        // Two women, one man, one legal person (no gender).
        var application = TestData.SubmittedApplication();

        var organization = application.Approve(TestData.OfficialId, TestData.NumberFor(application), TestData.DecidedAt);

        Assert.Equal(4, organization.MemberCount);
        Assert.Equal(2, organization.WomenMemberCount);
    }

    [Fact]
    public void Approve_counts_no_women_when_every_natural_person_is_a_man()
    {
        var details = TestData.Details().WithMembers(TestData.Youssef(), TestData.ArganUnion()).Build();
        var application = TestData.SubmittedApplication(details);

        var organization = application.Approve(TestData.OfficialId, TestData.NumberFor(application), TestData.DecidedAt);

        Assert.Equal(2, organization.MemberCount);
        Assert.Equal(0, organization.WomenMemberCount);
    }

    [Fact]
    public void Approve_copies_the_members_and_officers_into_new_instances()
    {
        var application = TestData.SubmittedApplication();

        var organization = application.Approve(TestData.OfficialId, TestData.NumberFor(application), TestData.DecidedAt);

        Assert.Equal(application.Members.Count, organization.Members.Count);
        foreach (var (original, copy) in application.Members.Zip(organization.Members))
        {
            Assert.NotSame(original, copy);
            Assert.Equal(original.Kind, copy.Kind);
            Assert.Equal(original.FullNameAr, copy.FullNameAr);
            Assert.Equal(original.FullNameLatin, copy.FullNameLatin);
            Assert.Equal(original.Cin, copy.Cin);
            Assert.Equal(original.BirthDate, copy.BirthDate);
            Assert.Equal(original.Gender, copy.Gender);
            Assert.Equal(original.LegalName, copy.LegalName);
            Assert.Equal(original.LegalIdentifier, copy.LegalIdentifier);
            Assert.Equal(original.SharesSubscribed, copy.SharesSubscribed);
            Assert.Equal(original.SharesPaid, copy.SharesPaid);
        }

        Assert.Equal(application.Officers.Count, organization.Officers.Count);
        foreach (var (original, copy) in application.Officers.Zip(organization.Officers))
        {
            Assert.NotSame(original, copy);
            Assert.Equal(original.Role, copy.Role);
            Assert.Equal(original.Cin, copy.Cin);
            Assert.Equal(original.MandateStart, copy.MandateStart);
            Assert.Equal(original.MandateEnd, copy.MandateEnd);
        }
    }

    [Fact]
    public void Approve_raises_events_in_order_on_the_application_and_registers_the_organization()
    {
        var application = TestData.SubmittedApplication();

        var organization = application.Approve(TestData.OfficialId, TestData.NumberFor(application), TestData.DecidedAt);

        Assert.Collection(
            application.DomainEvents,
            e => Assert.Equal(new ApplicationDrafted(application.Id, TestData.DraftedAt), e),
            e => Assert.Equal(new ApplicationSubmitted(application.Id, false, TestData.SubmittedAt), e),
            e => Assert.Equal(
                new ApplicationApproved(application.Id, organization.Id, "COOP-06-2026-000123", null, TestData.DecidedAt), e));
        var registered = Assert.Single(organization.DomainEvents);
        Assert.Equal(
            new OrganizationRegistered(organization.Id, application.Id, "COOP-06-2026-000123", TestData.DecidedAt), registered);
    }

    [Fact]
    public void Changes_requested_then_edited_then_resubmitted_then_rejected_goes_through_every_state()
    {
        var application = TestData.DraftApplication();
        application.Submit(TestData.SubmittedAt);

        application.RequestChanges(TestData.OfficialId, "Joindre les statuts signés.", TestData.DecidedAt);

        Assert.Equal(ApplicationStatus.ChangesRequested, application.Status);
        Assert.True(application.IsEditable);
        Assert.Equal("Joindre les statuts signés.", application.DecisionNote);
        Assert.Equal(TestData.OfficialId, application.DecidedBy);
        Assert.Equal(TestData.DecidedAt, application.DecidedAt);

        var corrected = TestData.Details().WithNames("تعاونية الأمل", "Coopérative Al Amal Nouvelle").Build();
        application.Edit(corrected, TestData.EditedAt);

        Assert.Equal(ApplicationStatus.ChangesRequested, application.Status);
        Assert.Equal("Coopérative Al Amal Nouvelle", application.NameLatin);

        application.Submit(TestData.ResubmittedAt);

        Assert.Equal(ApplicationStatus.Submitted, application.Status);
        Assert.Equal(TestData.ResubmittedAt, application.SubmittedAt);
        var resubmitted = Assert.IsType<ApplicationSubmitted>(application.DomainEvents[^1]);
        Assert.True(resubmitted.Resubmission);

        application.Reject(TestData.OfficialId, "Objet social hors du champ coopératif.", TestData.FinalDecisionAt);

        Assert.Equal(ApplicationStatus.Rejected, application.Status);
        Assert.False(application.IsEditable);
        Assert.Equal("Objet social hors du champ coopératif.", application.DecisionNote);
        Assert.Equal(TestData.FinalDecisionAt, application.DecidedAt);
        Assert.Null(application.OrganizationId);
    }

    [Fact]
    public void Changes_requested_path_raises_its_events_in_order()
    {
        var application = TestData.DraftApplication();
        application.Submit(TestData.SubmittedAt);
        application.RequestChanges(TestData.OfficialId, "Joindre les statuts signés.", TestData.DecidedAt);
        application.Edit(TestData.Details().WithNames(null, "Coopérative Al Amal").Build(), TestData.EditedAt);
        application.Submit(TestData.ResubmittedAt);
        application.Reject(TestData.OfficialId, "Objet social hors du champ coopératif.", TestData.FinalDecisionAt);

        var id = application.Id;
        Assert.Collection(
            application.DomainEvents,
            e => Assert.Equal(new ApplicationDrafted(id, TestData.DraftedAt), e),
            e => Assert.Equal(new ApplicationSubmitted(id, false, TestData.SubmittedAt), e),
            e => Assert.Equal(new ApplicationChangesRequested(id, "Joindre les statuts signés.", TestData.DecidedAt), e),
            e =>
            {
                var edited = Assert.IsType<ApplicationEdited>(e);
                Assert.Equal(id, edited.ApplicationId);
                Assert.Equal(TestData.EditedAt, edited.OccurredAt);
                Assert.Contains("nameAr", edited.ChangedFields);
                Assert.DoesNotContain("nameLatin", edited.ChangedFields);
            },
            e => Assert.Equal(new ApplicationSubmitted(id, true, TestData.ResubmittedAt), e),
            e => Assert.Equal(new ApplicationRejected(id, "Objet social hors du champ coopératif.", TestData.FinalDecisionAt), e));
    }

    [Fact]
    public void Edit_of_a_draft_replaces_the_details_as_a_whole()
    {
        var application = TestData.DraftApplication();
        var replacement = TestData.Details()
            .WithLegalForm(LegalForm.ASSO)
            .WithNames("جمعية النور", null)
            .WithSeat("3, avenue Hassan II, Agadir", "001", "09")
            .WithMembers(TestData.Youssef())
            .WithOfficers(TestData.Treasurer())
            .Build();

        application.Edit(replacement, TestData.EditedAt);

        Assert.Equal(ApplicationStatus.Draft, application.Status);
        Assert.Equal(LegalForm.ASSO, application.LegalForm);
        Assert.Equal("جمعية النور", application.NameAr);
        Assert.Null(application.NameLatin);
        Assert.Equal("3, avenue Hassan II, Agadir", application.SeatAddress);
        Assert.Equal("001", application.ProvinceCode);
        Assert.Equal("09", application.RegionCode);
        Assert.Equal(OfficerRole.Treasurer, Assert.Single(application.Officers).Role);
        Assert.Equal("C98765", Assert.Single(application.Members).Cin);
        Assert.Equal(TestData.EditedAt, application.UpdatedAt);
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData("", "   ")]
    public void Submit_without_a_name_and_without_members_reports_both_rules_at_once(string? nameAr, string? nameLatin)
    {
        var application = TestData.DraftApplication(TestData.Details().WithNames(nameAr, nameLatin).WithMembers().Build());

        var exception = Assert.Throws<RuleViolationException>(() => application.Submit(TestData.SubmittedAt));

        Assert.Equal(
            [ApplicationRules.NameRequiredCode, ApplicationRules.MembersRequiredCode],
            exception.Rules.Select(r => r.Code));
        Assert.Equal("APPLICATION_NAME_REQUIRED", ApplicationRules.NameRequiredCode);
        Assert.Equal("APPLICATION_MEMBERS_REQUIRED", ApplicationRules.MembersRequiredCode);
        Assert.Equal(ApplicationStatus.Draft, application.Status);
        Assert.Null(application.SubmittedAt);
        Assert.IsType<ApplicationDrafted>(Assert.Single(application.DomainEvents));
    }

    [Fact]
    public void Submit_without_members_reports_only_the_members_rule()
    {
        var application = TestData.DraftApplication(TestData.Details().WithMembers().Build());

        var exception = Assert.Throws<RuleViolationException>(() => application.Submit(TestData.SubmittedAt));

        Assert.Equal(ApplicationRules.MembersRequiredCode, Assert.Single(exception.Rules).Code);
    }

    [Theory]
    [InlineData(LegalForm.COOP, LegalRuleCodes.CoopMinMembers)]
    [InlineData(LegalForm.UNION, LegalRuleCodes.UnionMinCoops)]
    [InlineData(LegalForm.ASSO, LegalRuleCodes.AssoMinFounders)]
    public void Without_members_the_forms_legal_minimum_is_reported_alone_not_beside_the_completeness_rule(LegalForm form, string minimum)
    {
        var application = TestData.DraftApplication(TestData.Details().WithLegalForm(form).WithMembers().Build());
        var law = new BrokenRule(minimum, "art. 14", new LocalizedText("minimum", "الحد الأدنى"));

        var exception = Assert.Throws<RuleViolationException>(() => application.Submit(TestData.SubmittedAt, [law]));

        Assert.Equal([minimum], exception.Rules.Select(r => r.Code));
    }

    [Fact]
    public void A_mutual_society_without_members_gets_the_completeness_rule_beside_the_law()
    {
        var application = TestData.DraftApplication(TestData.Details().WithLegalForm(LegalForm.MUTU).WithMembers().Build());
        var law = new BrokenRule(LegalRuleCodes.MutuFinancialPlan, "art. 4", new LocalizedText("plan", "خطة"));

        var exception = Assert.Throws<RuleViolationException>(() => application.Submit(TestData.SubmittedAt, [law]));

        Assert.Equal([ApplicationRules.MembersRequiredCode, LegalRuleCodes.MutuFinancialPlan], exception.Rules.Select(r => r.Code));
    }

    [Fact]
    public void Submit_without_a_name_reports_only_the_name_rule()
    {
        var application = TestData.DraftApplication(TestData.Details().WithNames(null, " ").Build());

        var exception = Assert.Throws<RuleViolationException>(() => application.Submit(TestData.SubmittedAt));

        Assert.Equal(ApplicationRules.NameRequiredCode, Assert.Single(exception.Rules).Code);
    }

    [Theory]
    [InlineData("تعاونية الأمل", null)]
    [InlineData(null, "Coopérative Al Amal")]
    public void Submit_accepts_a_name_in_either_script_alone(string? nameAr, string? nameLatin)
    {
        var application = TestData.DraftApplication(TestData.Details().WithNames(nameAr, nameLatin).Build());

        application.Submit(TestData.SubmittedAt);

        Assert.Equal(ApplicationStatus.Submitted, application.Status);
    }

    [Fact]
    public void ClearDomainEvents_empties_the_raised_events()
    {
        var application = TestData.SubmittedApplication();
        Assert.Equal(2, application.DomainEvents.Count);

        application.ClearDomainEvents();

        Assert.Empty(application.DomainEvents);
    }

    [Fact]
    public void Events_raised_after_ClearDomainEvents_are_the_new_ones_only()
    {
        var application = TestData.DraftApplication();
        application.ClearDomainEvents();

        application.Submit(TestData.SubmittedAt);

        Assert.IsType<ApplicationSubmitted>(Assert.Single(application.DomainEvents));
    }

    [Theory]
    [InlineData(LegalForm.ASSO, "06")]
    [InlineData(LegalForm.COOP, "07")]
    [InlineData(LegalForm.UNION, "09")]
    public void Approve_with_a_number_of_another_form_or_region_is_refused(LegalForm form, string region)
    {
        var application = TestData.SubmittedApplication();
        var foreignNumber = RegistrationNumber.Create(form, region, 2026, 1);

        var exception = Assert.Throws<ArgumentException>(
            () => application.Approve(TestData.OfficialId, foreignNumber, TestData.DecidedAt));

        Assert.Equal("number", exception.ParamName);
        Assert.Equal(ApplicationStatus.Submitted, application.Status);
        Assert.Null(application.OrganizationId);
        Assert.Null(application.DecidedAt);
        Assert.DoesNotContain(application.DomainEvents, e => e is ApplicationApproved);
    }
}
