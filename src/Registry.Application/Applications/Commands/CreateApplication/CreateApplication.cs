using Mediator;
using Registry.Application.Common.Interfaces;
using Registry.Application.Common.Messaging;
using Registry.Domain.Applications;

namespace Registry.Application.Applications.Commands.CreateApplication;

/// <summary>An applicant drafts an application. Returns the new application's id.</summary>
public sealed record CreateApplication(ApplicationInput Input, string? IdempotencyKey = null) : ICommand<CreatedApplication>, IIdempotentCommand;

public sealed record CreatedApplication(Guid Id);

internal sealed class CreateApplicationHandler(
    IRegistryDbContext db, ApplicationDetailsResolver resolver, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<CreateApplication, CreatedApplication>
{
    public async ValueTask<CreatedApplication> Handle(CreateApplication command, CancellationToken cancellationToken)
    {
        var details = await resolver.ResolveAsync(command.Input, cancellationToken);
        var application = RegistrationApplication.Draft(currentUser.RequireUserId(), details, clock.GetUtcNow());
        db.Applications.Add(application);
        return new CreatedApplication(application.Id);
    }
}
