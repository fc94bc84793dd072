using Mediator;
using Registry.Application.Common.Exceptions;
using Registry.Application.Common.Interfaces;
using Registry.Application.Common.Security;
using Registry.Application.Common.Validation;

namespace Registry.Application.Users.Queries.GetStaffUser;

/// <summary>One staff account with its role and regions, for administrators only; an applicant's account or an unknown id is not found.</summary>
public sealed record GetStaffUser(Guid UserId) : IQuery<StaffUserItem>;

internal sealed class GetStaffUserHandler(IStaffAccounts accounts, ICurrentUser currentUser, IAccessAudit audit) : IQueryHandler<GetStaffUser, StaffUserItem>
{
    public async ValueTask<StaffUserItem> Handle(GetStaffUser query, CancellationToken cancellationToken)
    {
        if (!currentUser.IsInRole(Roles.Administrator))
        {
            await audit.RecordRefusalAsync("staff.read", null, null, "Only administrators read staff accounts.", cancellationToken);
            throw new ForbiddenException(Localized.Text(
                "Seuls les administrateurs consultent les comptes du personnel.", "وحدهم المسؤولون يطلعون على حسابات الموظفين."));
        }

        return await accounts.FindAsync(query.UserId, cancellationToken) ?? throw new NotFoundException(ResourceKind.StaffAccount, query.UserId);
    }
}
