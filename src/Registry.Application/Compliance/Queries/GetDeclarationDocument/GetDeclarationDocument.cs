using Mediator;
using Microsoft.EntityFrameworkCore;
using Registry.Application.Common.Exceptions;
using Registry.Application.Common.Interfaces;
using Registry.Application.Documents;
using Registry.Application.Organizations;

namespace Registry.Application.Compliance.Queries.GetDeclarationDocument;

/// <summary>The document filed with a declaration, for the organisation's owner and the officials of its region only.</summary>
public sealed record GetDeclarationDocument(string RegistrationNumber, Guid DeclarationId) : IQuery<DocumentFile>;

internal sealed class GetDeclarationDocumentHandler(IRegistryDbContext db, OrganizationRefusals refusals, ICurrentUser currentUser)
    : IQueryHandler<GetDeclarationDocument, DocumentFile>
{
    public async ValueTask<DocumentFile> Handle(GetDeclarationDocument query, CancellationToken cancellationToken)
    {
        var organizationId = await refusals.ManagedIdAsync(query.RegistrationNumber, currentUser, "organization.declaration-document", cancellationToken);
        return await db.Declarations.AsNoTracking()
            .Where(d => d.Id == query.DeclarationId && d.OrganizationId == organizationId && d.Document != null)
            .Join(db.DeclarationDocumentContents, d => d.Id, c => c.DeclarationId,
                (d, c) => new DocumentFile(d.Document!.ContentType, d.Document.FileName, d.Document.Sha256, c.Content))
            .SingleOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException(ResourceKind.DeclarationDocument, query.DeclarationId);
    }
}
