using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Registry.Application.Common.Interfaces;
using Registry.Application.Common.Messaging;
using Registry.Application.Common.Validation;
using Registry.Domain.Organizations;

namespace Registry.Application.Organizations.Commands.DecideOrganizationStatus;

public enum StatusDecision
{
    Suspend,
    Reinstate,
    StrikeOff,

    /// <summary>Records a dissolution decided by the general assembly or pronounced by a court (SPEC §3), with its reference as the reason.</summary>
    Dissolve,
}

/// <summary>An official of the organisation's region suspends, reinstates, strikes it off or records its dissolution, always with a reason. Never automatic.</summary>
public sealed record DecideOrganizationStatus(string RegistrationNumber, StatusDecision Decision, string Reason, string? IdempotencyKey = null)
    : ICommand<OrganizationStatusDecided>, IIdempotentCommand;

public sealed record OrganizationStatusDecided(string RegistrationNumber, OrganizationStatus Status, DateTimeOffset DecidedAt);

public sealed class DecideOrganizationStatusValidator : AbstractValidator<DecideOrganizationStatus>
{
    public DecideOrganizationStatusValidator()
    {
        RuleFor(x => x.Decision).IsInEnum();
        RuleFor(x => x.Reason).Explanation(2000, "Une décision doit être motivée.", "يجب تعليل القرار.");
    }
}

internal sealed class DecideOrganizationStatusHandler(IRegistryDbContext db, OrganizationRefusals refusals, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<DecideOrganizationStatus, OrganizationStatusDecided>
{
    public async ValueTask<OrganizationStatusDecided> Handle(DecideOrganizationStatus command, CancellationToken cancellationToken)
    {
        var organization = await db.Organizations.ManagedBy(currentUser).SingleOrDefaultAsync(o => o.RegistrationNumber == command.RegistrationNumber, cancellationToken)
            ?? throw await refusals.DecisionRefusedAsync(command.RegistrationNumber, "organization." + command.Decision.ToString().ToLowerInvariant(), cancellationToken);
        var now = clock.GetUtcNow();
        var reason = command.Reason.Trim();
        switch (command.Decision)
        {
            case StatusDecision.Suspend:
                organization.Suspend(reason, now);
                break;
            case StatusDecision.Reinstate:
                organization.Reinstate(reason, now);
                break;
            case StatusDecision.StrikeOff:
                organization.StrikeOff(reason, now);
                break;
            default:
                organization.Dissolve(reason, now);
                break;
        }

        return new OrganizationStatusDecided(organization.RegistrationNumber, organization.Status, now);
    }
}
