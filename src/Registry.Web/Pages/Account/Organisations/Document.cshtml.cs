using Mediator;
using Microsoft.AspNetCore.Mvc;
using Registry.Application.Compliance.Queries.GetDeclarationDocument;

namespace Registry.Web.Pages.Account.Organisations;

/// <summary>A declaration's document, served through the GetDeclarationDocument use case (the owner's own only; else not found).</summary>
public sealed class DocumentModel(ISender sender) : OwnerPageModel(sender)
{
    public async Task<IActionResult> OnGetAsync(string number, Guid declarationId, CancellationToken cancellationToken)
    {
        var file = await Sender.Send(new GetDeclarationDocument(Normalise(number), declarationId), cancellationToken);
        Response.Headers.ETag = $"\"{file.Sha256}\"";
        return File(file.Content, file.ContentType, file.FileName);
    }
}
