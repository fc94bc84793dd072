using Mediator;
using Registry.Application.Audit;
using Registry.Application.Common.Exceptions;
using Registry.Application.Common.Interfaces;
using Registry.Application.Common.Security;
using Registry.Application.Common.Validation;

namespace Registry.Application.Users.Commands.ResetStaffTwoFactor;

/// <summary>
/// An administrator resets a staff member's two-factor authentication (a lost phone, no recovery code left): their
/// authenticator key and recovery codes are replaced, two-factor sign-in is off, and every session of the account ends.
/// The official or administrator then logs in with the password and must enrol again before acting. Audited.
/// </summary>
public sealed record ResetStaffTwoFactor(Guid UserId) : ICommand<StaffUserItem>;

internal sealed class ResetStaffTwoFactorHandler(IStaffAccounts accounts, ICurrentUser currentUser, IAccessAudit audit, AuditTrail auditTrail, TimeProvider clock)
    : ICommandHandler<ResetStaffTwoFactor, StaffUserItem>
{
    public async ValueTask<StaffUserItem> Handle(ResetStaffTwoFactor command, CancellationToken cancellationToken)
    {
        if (!currentUser.IsInRole(Roles.Administrator))
        {
            await audit.RecordRefusalAsync("staff.two-factor-reset", null, null, "Only administrators reset a staff member's two-factor authentication.", cancellationToken);
            throw new ForbiddenException(Localized.Text(
                "Seuls les administrateurs réinitialisent l'authentification à deux facteurs d'un membre du personnel.",
                "وحدهم المسؤولون يعيدون ضبط المصادقة الثنائية لموظف."));
        }

        var reset = await accounts.ResetTwoFactorAsync(command.UserId, cancellationToken)
            ?? throw new NotFoundException(ResourceKind.StaffAccount, command.UserId);
        auditTrail.Record("staff.two-factor-reset", null, null, new { userId = command.UserId }, clock.GetUtcNow());
        return reset;
    }
}
