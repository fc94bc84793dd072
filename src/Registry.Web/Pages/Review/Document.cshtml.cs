using Mediator;
using Microsoft.AspNetCore.Mvc;
using Registry.Application.Documents.Queries.GetDocument;

namespace Registry.Web.Pages.Review;

/// <summary>An application's document, served through the GetDocument use case (the official's regions only; else not found).</summary>
public sealed class DocumentModel(ISender sender) : ReviewPageModel(sender)
{
    public async Task<IActionResult> OnGetAsync(Guid id, Guid documentId, CancellationToken cancellationToken)
    {
        var file = await Sender.Send(new GetDocument(id, documentId), cancellationToken);
        Response.Headers.ETag = $"\"{file.Sha256}\"";
        return File(file.Content, file.ContentType, file.FileName);
    }
}
