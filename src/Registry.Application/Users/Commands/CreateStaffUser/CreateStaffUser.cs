using Mediator;
using Registry.Application.Common.Interfaces;
using Registry.Application.Common.Messaging;

namespace Registry.Application.Users.Commands.CreateStaffUser;

/// <summary>An administrator creates a regional official (with regions), an analyst or another administrator.</summary>
public sealed record CreateStaffUser(string Email, string Password, string Role, IReadOnlyList<string>? RegionCodes, string? IdempotencyKey = null)
    : ICommand<CreatedStaffUser>, IIdempotentCommand;

public sealed record CreatedStaffUser(Guid Id, string Email, string Role, IReadOnlyList<string> RegionCodes);

internal sealed class CreateStaffUserHandler(IStaffAccounts accounts) : ICommandHandler<CreateStaffUser, CreatedStaffUser>
{
    public async ValueTask<CreatedStaffUser> Handle(CreateStaffUser command, CancellationToken cancellationToken)
    {
        var regions = command.RegionCodes?.Distinct().Order().ToList() ?? [];
        var id = await accounts.CreateAsync(command.Email.Trim(), command.Password, command.Role, regions, cancellationToken);
        return new CreatedStaffUser(id, command.Email.Trim(), command.Role, regions);
    }
}
