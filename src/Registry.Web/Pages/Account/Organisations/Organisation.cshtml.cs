using Mediator;
using Registry.Application.Compliance;
using Registry.Application.Compliance.Queries.GetOrganizationCompliance;
using Registry.Application.Compliance.Queries.ListDeclarations;
using Registry.Application.Organizations;
using Registry.Application.Organizations.Queries.GetOrganization;
using Registry.Domain.Compliance;
using Registry.Domain.Reference;

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

    /// <summary>What this legal form declares through these pages (management and member changes carry personal data: the API for now).</summary>
    public static IReadOnlyList<DeclarationKind> KindsFor(LegalForm form) => form switch
    {
        LegalForm.COOP or LegalForm.UNION => [DeclarationKind.GeneralAssembly, DeclarationKind.AnnualAccounts],
        LegalForm.ASSO => [DeclarationKind.GeneralAssembly, DeclarationKind.BoardChange],
        LegalForm.MUTU => [DeclarationKind.GeneralAssembly, DeclarationKind.MutualAnnualReturn],
        _ => [DeclarationKind.GeneralAssembly],
    };

    public static string Slug(DeclarationKind kind) => kind switch
    {
        DeclarationKind.GeneralAssembly => "general-assembly",
        DeclarationKind.AnnualAccounts => "annual-accounts",
        DeclarationKind.BoardChange => "board-renewed",
        DeclarationKind.MutualAnnualReturn => "annual-return",
        DeclarationKind.ManagementChange => "management-change",
        _ => "member-change",
    };
}
