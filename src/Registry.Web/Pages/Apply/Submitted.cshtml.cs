using Mediator;

namespace Registry.Web.Pages.Apply;

/// <summary>The confirmation after submitting: what happens next and where to follow it.</summary>
public sealed class SubmittedModel(ISender sender) : ApplyPageModel(sender)
{
    public override Step Step => Step.Review;

    public async Task OnGetAsync(string id, CancellationToken cancellationToken) => await LoadAsync(id, cancellationToken);
}
