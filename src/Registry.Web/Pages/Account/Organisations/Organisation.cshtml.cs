using Mediator;
using Registry.Application.Compliance;
using Registry.Application.Compliance.Queries.GetOrganizationCompliance;
using Registry.Application.Compliance.Commands.FileDeclaration;
using Registry.Application.Compliance.Queries.ListDeclarations;
using Registry.Application.Organizations;
using Registry.Application.Organizations.Queries.GetOrganization;
using Registry.Domain.Compliance;
using Registry.Domain.Reference;
using Registry.Web.Localization;

namespace Registry.Web.Pages.Account.Organisations;

/// <summary>One of the owner's organisations: its status, open findings (rule, article, due date), the declarations filed and what can be declared.</summary>
public sealed class OrganisationModel(ISender sender) : OwnerPageModel(sender)
{
    public OrganizationProfile Organization { get; private set; } = null!;

    public IReadOnlyList<FindingView> OpenFindings { get; private set; } = [];

    public IReadOnlyList<DeclarationView> Declarations { get; private set; } = [];

    /// <summary>The declaration just filed (after the redirect), when it is one of this organisation's.</summary>
    public DeclarationView? JustFiled { get; private set; }

    public async Task OnGetAsync(string number, Guid? filed, CancellationToken cancellationToken)
    {
        number = Normalise(number);
        // The scoped reads first: another owner's organisation is a not-found page before anything is shown.
        var findings = await Sender.Send(new GetOrganizationCompliance(number), cancellationToken);
        OpenFindings = [.. findings.Where(f => f.Stage != FindingStage.Resolved).OrderBy(f => f.DueOn)];
        Declarations = await Sender.Send(new ListDeclarations(number), cancellationToken);
        Organization = await Sender.Send(new GetOrganization(number), cancellationToken);
        JustFiled = filed is { } id ? Declarations.FirstOrDefault(d => d.Id == id) : null;
    }

    /// <summary>What this legal form declares through these pages, one form each.</summary>
    public static IReadOnlyList<DeclarationTopic> TopicsFor(LegalForm form) => form switch
    {
        LegalForm.COOP or LegalForm.UNION =>
            [DeclarationTopic.GeneralAssembly, DeclarationTopic.AnnualAccounts, DeclarationTopic.ManagementChange, DeclarationTopic.MemberChange],
        LegalForm.ASSO => [DeclarationTopic.GeneralAssembly, DeclarationTopic.BoardRenewed, DeclarationTopic.NewBoard, DeclarationTopic.MemberChange],
        LegalForm.MUTU =>
            [DeclarationTopic.GeneralAssembly, DeclarationTopic.MutualAnnualReturn, DeclarationTopic.ManagementChange, DeclarationTopic.MemberChange],
        _ => [DeclarationTopic.GeneralAssembly, DeclarationTopic.ManagementChange, DeclarationTopic.MemberChange],
    };
}

/// <summary>
/// What one declaration form declares: a kind of <see cref="FileDeclaration"/> and, for an association's board, whether the
/// assembly renewed the same board (new mandate end only) or elected a new one (its members, roles and mandates).
/// </summary>
public sealed record DeclarationTopic(string Slug, DeclarationKind Kind, bool NoChange = false)
{
    public static readonly DeclarationTopic GeneralAssembly = new("general-assembly", DeclarationKind.GeneralAssembly);
    public static readonly DeclarationTopic AnnualAccounts = new("annual-accounts", DeclarationKind.AnnualAccounts);
    public static readonly DeclarationTopic ManagementChange = new("management-change", DeclarationKind.ManagementChange);
    public static readonly DeclarationTopic MemberChange = new("member-change", DeclarationKind.MemberChange);
    public static readonly DeclarationTopic BoardRenewed = new("board-renewed", DeclarationKind.BoardChange, NoChange: true);
    public static readonly DeclarationTopic NewBoard = new("new-board", DeclarationKind.BoardChange);
    public static readonly DeclarationTopic MutualAnnualReturn = new("annual-return", DeclarationKind.MutualAnnualReturn);

    /// <summary>Whether the form lists officers with their roles and mandates (they replace the current ones).</summary>
    public bool HasOfficers => Kind == DeclarationKind.ManagementChange || (Kind == DeclarationKind.BoardChange && !NoChange);

    public string Title => OrganisationText.TopicTitle(this);
}
