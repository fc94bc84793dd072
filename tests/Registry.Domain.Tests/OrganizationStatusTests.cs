using Registry.Domain.Common;
using Registry.Domain.Organizations;

namespace Registry.Domain.Tests;

public sealed class OrganizationStatusTests
{
    private static readonly DateTimeOffset SuspendedAt = TestData.RegisteredAt.AddDays(30);
    private static readonly DateTimeOffset ChangedAt = TestData.RegisteredAt.AddDays(60);

    // The words a reader of each language expects, written out here rather than read from the code under test.
    private static readonly Dictionary<OrganizationStatus, string> FrenchStatus = new()
    {
        [OrganizationStatus.Active] = "active",
        [OrganizationStatus.Suspended] = "suspendue",
        [OrganizationStatus.StruckOff] = "radiée",
        [OrganizationStatus.Dissolved] = "dissoute",
    };

    private static readonly Dictionary<OrganizationStatus, string> ArabicStatus = new()
    {
        [OrganizationStatus.Active] = "نشطة",
        [OrganizationStatus.Suspended] = "موقوفة",
        [OrganizationStatus.StruckOff] = "مشطب عليها",
        [OrganizationStatus.Dissolved] = "منحلة",
    };

    private static readonly Dictionary<string, string> FrenchAction = new()
    {
        ["suspend"] = "suspendre",
        ["reinstate"] = "rétablir",
        ["strike-off"] = "radier",
        ["dissolve"] = "constater la dissolution",
        ["declare"] = "déposer une déclaration",
    };

    private static readonly Dictionary<string, string> ArabicAction = new()
    {
        ["suspend"] = "التوقيف",
        ["reinstate"] = "إعادة التفعيل",
        ["strike-off"] = "التشطيب",
        ["dissolve"] = "إثبات الحل",
        ["declare"] = "إيداع تصريح",
    };

    [Fact]
    public void Approved_organization_starts_active()
    {
        Assert.Equal(OrganizationStatus.Active, TestData.ActiveOrganization().Status);
    }

    [Fact]
    public void Suspend_moves_an_active_organization_to_suspended()
    {
        var organization = TestData.ActiveOrganization();

        organization.Suspend("Défaut de dépôt des comptes.", ChangedAt);

        Assert.Equal(OrganizationStatus.Suspended, organization.Status);
        Assert.Equal(ChangedAt, organization.StatusChangedAt);
        Assert.Equal(
            new OrganizationStatusChanged(
                organization.Id, OrganizationStatus.Active, OrganizationStatus.Suspended, "Défaut de dépôt des comptes.", ChangedAt),
            Assert.Single(organization.DomainEvents));
    }

    [Fact]
    public void Reinstate_moves_a_suspended_organization_back_to_active()
    {
        var organization = SuspendedOrganization();

        organization.Reinstate("Comptes déposés.", ChangedAt);

        Assert.Equal(OrganizationStatus.Active, organization.Status);
        Assert.Equal(ChangedAt, organization.StatusChangedAt);
        Assert.Equal(
            new OrganizationStatusChanged(
                organization.Id, OrganizationStatus.Suspended, OrganizationStatus.Active, "Comptes déposés.", ChangedAt),
            Assert.Single(organization.DomainEvents));
    }

    [Theory]
    [InlineData(OrganizationStatus.Active)]
    [InlineData(OrganizationStatus.Suspended)]
    public void StrikeOff_ends_an_active_or_suspended_organization(OrganizationStatus from)
    {
        var organization = OrganizationIn(from);

        organization.StrikeOff("Radiation d'office.", ChangedAt);

        Assert.Equal(OrganizationStatus.StruckOff, organization.Status);
        Assert.Equal(ChangedAt, organization.StatusChangedAt);
        Assert.Equal(
            new OrganizationStatusChanged(organization.Id, from, OrganizationStatus.StruckOff, "Radiation d'office.", ChangedAt),
            Assert.Single(organization.DomainEvents));
    }

    [Fact]
    public void Each_status_change_raises_its_own_event_in_order()
    {
        var organization = TestData.ActiveOrganization();

        organization.Suspend("Contrôle en cours.", SuspendedAt);
        organization.Reinstate("Contrôle clos.", ChangedAt);
        organization.StrikeOff("Dissolution constatée.", ChangedAt.AddDays(1));

        Assert.Collection(
            organization.DomainEvents.Cast<OrganizationStatusChanged>(),
            e => Assert.Equal((OrganizationStatus.Active, OrganizationStatus.Suspended, "Contrôle en cours."), (e.From, e.To, e.Reason)),
            e => Assert.Equal((OrganizationStatus.Suspended, OrganizationStatus.Active, "Contrôle clos."), (e.From, e.To, e.Reason)),
            e => Assert.Equal((OrganizationStatus.Active, OrganizationStatus.StruckOff, "Dissolution constatée."), (e.From, e.To, e.Reason)));
    }

    [Theory]
    [InlineData(OrganizationStatus.Active, "reinstate")]
    [InlineData(OrganizationStatus.Suspended, "suspend")]
    [InlineData(OrganizationStatus.StruckOff, "suspend")]
    [InlineData(OrganizationStatus.StruckOff, "reinstate")]
    [InlineData(OrganizationStatus.StruckOff, "strike-off")]
    [InlineData(OrganizationStatus.StruckOff, "dissolve")]
    [InlineData(OrganizationStatus.StruckOff, "declare")]
    [InlineData(OrganizationStatus.Dissolved, "reinstate")]
    [InlineData(OrganizationStatus.Dissolved, "suspend")]
    [InlineData(OrganizationStatus.Dissolved, "declare")]
    public void Status_change_not_allowed_from_the_current_status_is_refused(OrganizationStatus from, string action)
    {
        var organization = OrganizationIn(from);
        var changedAt = organization.StatusChangedAt;

        var exception = Assert.Throws<InvalidStateException>(() => Perform(organization, action));

        var rule = Assert.Single(exception.Rules);
        Assert.Equal("ORGANIZATION_STATE", rule.Code);
        Assert.Contains($"« {FrenchStatus[from]} »", rule.Message.Fr, StringComparison.Ordinal);
        Assert.Contains($"« {FrenchAction[action]} »", rule.Message.Fr, StringComparison.Ordinal);
        Assert.Contains($"«{ArabicStatus[from]}»", rule.Message.Ar, StringComparison.Ordinal);
        Assert.Contains($"«{ArabicAction[action]}»", rule.Message.Ar, StringComparison.Ordinal);
        Assert.DoesNotMatch("[A-Za-z]", rule.Message.Ar);
        Assert.All(Enum.GetNames<OrganizationStatus>(), english => Assert.DoesNotContain(english, rule.Message.Fr, StringComparison.Ordinal));
        Assert.DoesNotContain($"« {action} »", rule.Message.Fr, StringComparison.Ordinal);
        Assert.Equal(from, organization.Status);
        Assert.Equal(changedAt, organization.StatusChangedAt);
        Assert.Empty(organization.DomainEvents);
    }

    [Fact]
    public void The_state_message_names_status_and_action_in_each_language()
    {
        var organization = OrganizationIn(OrganizationStatus.StruckOff);

        var rule = Assert.Single(Assert.Throws<InvalidStateException>(() => organization.Reinstate("Motif.", ChangedAt)).Rules);

        Assert.Equal("L'organisation est à l'état « radiée » : l'action « rétablir » n'est pas possible.", rule.Message.Fr);
        Assert.Equal("المنظمة في حالة «مشطب عليها»: لا يمكن تنفيذ الإجراء «إعادة التفعيل».", rule.Message.Ar);
        Assert.Equal(new LocalizedText("Règles du registre, statut d'une organisation", "قواعد السجل، وضعية المنظمة"), rule.Article);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Status_change_without_a_reason_is_refused(string reason)
    {
        var organization = TestData.ActiveOrganization();

        Assert.Throws<ArgumentException>(() => organization.Suspend(reason, ChangedAt));

        Assert.Equal(OrganizationStatus.Active, organization.Status);
        Assert.Empty(organization.DomainEvents);
    }

    private static Organization SuspendedOrganization() => OrganizationIn(OrganizationStatus.Suspended);

    /// <summary>An organisation brought to <paramref name="status"/>, with its events cleared.</summary>
    private static Organization OrganizationIn(OrganizationStatus status)
    {
        var organization = TestData.ActiveOrganization();
        switch (status)
        {
            case OrganizationStatus.Active:
                break;
            case OrganizationStatus.Suspended:
                organization.Suspend("Contrôle en cours.", SuspendedAt);
                break;
            case OrganizationStatus.StruckOff:
                organization.StrikeOff("Radiation d'office.", SuspendedAt);
                break;
            case OrganizationStatus.Dissolved:
                organization.Dissolve("Dissolution votée par l'assemblée générale.", SuspendedAt);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(status), status, null);
        }

        Assert.Equal(status, organization.Status);
        organization.ClearDomainEvents();
        return organization;
    }

    private static void Perform(Organization organization, string action)
    {
        switch (action)
        {
            case "suspend":
                organization.Suspend("Motif.", ChangedAt);
                break;
            case "reinstate":
                organization.Reinstate("Motif.", ChangedAt);
                break;
            case "strike-off":
                organization.StrikeOff("Motif.", ChangedAt);
                break;
            case "dissolve":
                organization.Dissolve("Motif.", ChangedAt);
                break;
            case "declare":
                var today = DateOnly.FromDateTime(ChangedAt.UtcDateTime);
                organization.RecordDeclaration(Registry.Domain.Compliance.DeclarationKind.GeneralAssembly, today, null, today, ChangedAt);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(action), action, null);
        }
    }
}
