using Mediator;

namespace Registry.Web.Pages.Apply;

/// <summary>Before starting: the steps, and the name reservation cooperatives and unions need first.</summary>
public sealed class IndexModel(ISender sender) : ApplyPageModel(sender)
{
    public override Step Step => Step.Organisation;

    public void OnGet()
    {
    }
}
