using Registry.Domain.Applications;
using Registry.Domain.Common;

namespace Registry.Domain.Tests;

public sealed class RegistrationApplicationTransitionTests
{
    public static TheoryData<ApplicationStatus, string> InvalidTransitions => new()
    {
        { ApplicationStatus.Draft, "approve" },
        { ApplicationStatus.Draft, "reject" },
        { ApplicationStatus.Draft, "request-changes" },
        { ApplicationStatus.Submitted, "edit" },
        { ApplicationStatus.Submitted, "submit" },
        { ApplicationStatus.ChangesRequested, "approve" },
        { ApplicationStatus.ChangesRequested, "reject" },
        { ApplicationStatus.ChangesRequested, "request-changes" },
        { ApplicationStatus.Approved, "edit" },
        { ApplicationStatus.Approved, "submit" },
        { ApplicationStatus.Approved, "approve" },
        { ApplicationStatus.Approved, "reject" },
        { ApplicationStatus.Approved, "request-changes" },
        { ApplicationStatus.Rejected, "edit" },
        { ApplicationStatus.Rejected, "submit" },
        { ApplicationStatus.Rejected, "approve" },
        { ApplicationStatus.Rejected, "reject" },
        { ApplicationStatus.Rejected, "request-changes" },
    };

    // The words a reader of each language expects, written out here rather than read from the code under test.
    private static readonly Dictionary<ApplicationStatus, string> FrenchStatus = new()
    {
        [ApplicationStatus.Draft] = "brouillon",
        [ApplicationStatus.Submitted] = "déposée",
        [ApplicationStatus.ChangesRequested] = "renvoyée pour modifications",
        [ApplicationStatus.Approved] = "approuvée",
        [ApplicationStatus.Rejected] = "rejetée",
    };

    private static readonly Dictionary<ApplicationStatus, string> ArabicStatus = new()
    {
        [ApplicationStatus.Draft] = "مسودة",
        [ApplicationStatus.Submitted] = "مودَع",
        [ApplicationStatus.ChangesRequested] = "مُعاد للتعديل",
        [ApplicationStatus.Approved] = "مقبول",
        [ApplicationStatus.Rejected] = "مرفوض",
    };

    private static readonly Dictionary<string, string> FrenchAction = new()
    {
        ["submit"] = "déposer",
        ["approve"] = "approuver",
        ["reject"] = "rejeter",
        ["request-changes"] = "demander des modifications",
        ["edit"] = "modifier",
        ["attach-document"] = "joindre un document",
    };

    private static readonly Dictionary<string, string> ArabicAction = new()
    {
        ["submit"] = "الإيداع",
        ["approve"] = "الموافقة",
        ["reject"] = "الرفض",
        ["request-changes"] = "طلب تعديلات",
        ["edit"] = "التعديل",
        ["attach-document"] = "إرفاق وثيقة",
    };

    public static TheoryData<ApplicationStatus, string> ValidTransitions => new()
    {
        { ApplicationStatus.Draft, "edit" },
        { ApplicationStatus.Draft, "submit" },
        { ApplicationStatus.Submitted, "approve" },
        { ApplicationStatus.Submitted, "reject" },
        { ApplicationStatus.Submitted, "request-changes" },
        { ApplicationStatus.ChangesRequested, "edit" },
        { ApplicationStatus.ChangesRequested, "submit" },
    };

    [Theory]
    [MemberData(nameof(InvalidTransitions))]
    public void Action_not_allowed_in_the_current_state_is_refused_with_the_state_rule(ApplicationStatus status, string action)
    {
        var application = TestData.ApplicationIn(status);
        var eventsBefore = application.DomainEvents.Count;
        var updatedBefore = application.UpdatedAt;

        var exception = Assert.Throws<InvalidStateException>(() => Perform(application, action));

        var rule = Assert.Single(exception.Rules);
        Assert.Equal("APPLICATION_STATE", rule.Code);
        Assert.Equal(ApplicationRules.InvalidTransitionCode, rule.Code);
        Assert.Contains($"« {FrenchStatus[status]} »", rule.Message.Fr, StringComparison.Ordinal);
        Assert.Contains($"« {FrenchAction[action]} »", rule.Message.Fr, StringComparison.Ordinal);
        Assert.Contains($"«{ArabicStatus[status]}»", rule.Message.Ar, StringComparison.Ordinal);
        Assert.Contains($"«{ArabicAction[action]}»", rule.Message.Ar, StringComparison.Ordinal);
        Assert.DoesNotMatch("[A-Za-z]", rule.Message.Ar);
        Assert.All(Enum.GetNames<ApplicationStatus>(), english => Assert.DoesNotContain(english, rule.Message.Fr, StringComparison.Ordinal));
        Assert.DoesNotContain($"« {action} »", rule.Message.Fr, StringComparison.Ordinal);
        Assert.Equal(status, application.Status);
        Assert.Equal(eventsBefore, application.DomainEvents.Count);
        Assert.Equal(updatedBefore, application.UpdatedAt);
    }

    [Theory]
    [MemberData(nameof(ValidTransitions))]
    public void Action_allowed_in_the_current_state_is_accepted(ApplicationStatus status, string action)
    {
        var application = TestData.ApplicationIn(status);
        var eventsBefore = application.DomainEvents.Count;

        Perform(application, action);

        Assert.Equal(eventsBefore + 1, application.DomainEvents.Count);
    }

    [Fact]
    public void The_state_message_names_status_and_action_in_each_language()
    {
        var rule = ApplicationRules.InvalidTransition(ApplicationStatus.Approved, "approve");

        Assert.Equal("La demande est à l'état « approuvée » : l'action « approuver » n'est pas possible.", rule.Message.Fr);
        Assert.Equal("الطلب في حالة «مقبول»: لا يمكن تنفيذ الإجراء «الموافقة».", rule.Message.Ar);
        Assert.Equal(new LocalizedText("Règles du registre, étapes d'une demande", "قواعد السجل، مراحل الطلب"), rule.Article);
    }

    [Theory]
    [InlineData(ApplicationStatus.Submitted)]
    [InlineData(ApplicationStatus.Approved)]
    [InlineData(ApplicationStatus.Rejected)]
    public void Attaching_a_document_out_of_turn_is_named_in_each_language(ApplicationStatus status)
    {
        var rule = ApplicationRules.InvalidTransition(status, "attach-document");

        Assert.Contains($"« {FrenchStatus[status]} » : l'action « joindre un document »", rule.Message.Fr, StringComparison.Ordinal);
        Assert.Contains($"«{ArabicStatus[status]}»: لا يمكن تنفيذ الإجراء «إرفاق وثيقة»", rule.Message.Ar, StringComparison.Ordinal);
    }

    [Fact]
    public void Approve_is_refused_unless_the_application_is_submitted()
    {
        var application = TestData.DraftApplication();

        var exception = Assert.Throws<InvalidStateException>(
            () => application.Approve(TestData.OfficialId, TestData.NumberFor(application), TestData.DecidedAt));

        Assert.Equal(ApplicationRules.InvalidTransitionCode, Assert.Single(exception.Rules).Code);
        Assert.Null(application.OrganizationId);
    }

    [Fact]
    public void Approve_twice_is_refused_and_keeps_the_first_organization()
    {
        var application = TestData.SubmittedApplication();
        var organization = application.Approve(TestData.OfficialId, TestData.NumberFor(application, 1), TestData.DecidedAt);

        var exception = Assert.Throws<InvalidStateException>(
            () => application.Approve(TestData.OfficialId, TestData.NumberFor(application, 2), TestData.FinalDecisionAt));

        Assert.Equal(ApplicationRules.InvalidTransitionCode, Assert.Single(exception.Rules).Code);
        Assert.Equal(organization.Id, application.OrganizationId);
        Assert.Equal(TestData.DecidedAt, application.DecidedAt);
    }

    [Fact]
    public void State_is_checked_before_completeness_on_submit()
    {
        var application = TestData.DraftApplication(TestData.Details().WithNames(null, null).WithMembers().Build());
        application.Edit(TestData.Details().Build(), TestData.EditedAt);
        application.Submit(TestData.SubmittedAt);

        var exception = Assert.Throws<InvalidStateException>(() => application.Submit(TestData.ResubmittedAt));

        Assert.Equal(ApplicationRules.InvalidTransitionCode, Assert.Single(exception.Rules).Code);
    }

    [Theory]
    [InlineData(ApplicationStatus.Draft)]
    [InlineData(ApplicationStatus.Submitted)]
    [InlineData(ApplicationStatus.ChangesRequested)]
    [InlineData(ApplicationStatus.Approved)]
    [InlineData(ApplicationStatus.Rejected)]
    public void EnsureApprovable_accepts_only_a_submitted_application(ApplicationStatus status)
    {
        var application = TestData.ApplicationIn(status);

        var exception = Record.Exception(() => application.EnsureApprovable());

        if (status == ApplicationStatus.Submitted)
        {
            Assert.Null(exception);
        }
        else
        {
            var violation = Assert.IsType<InvalidStateException>(exception);
            Assert.Equal(ApplicationRules.InvalidTransitionCode, Assert.Single(violation.Rules).Code);
        }
    }

    private static void Perform(RegistrationApplication application, string action)
    {
        switch (action)
        {
            case "edit":
                application.Edit(TestData.Details().WithNames("تعاونية الأمل", "Coopérative Al Amal II").Build(), TestData.EditedAt);
                break;
            case "submit":
                application.Submit(TestData.ResubmittedAt);
                break;
            case "approve":
                application.Approve(TestData.OfficialId, TestData.NumberFor(application, 777), TestData.FinalDecisionAt);
                break;
            case "reject":
                application.Reject(TestData.OfficialId, "Dossier incomplet.", TestData.FinalDecisionAt);
                break;
            case "request-changes":
                application.RequestChanges(TestData.OfficialId, "Préciser l'adresse du siège.", TestData.FinalDecisionAt);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(action), action, null);
        }
    }
}
