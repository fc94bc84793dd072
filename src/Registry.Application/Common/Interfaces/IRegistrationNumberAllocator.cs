using Registry.Domain.Organizations;
using Registry.Domain.Reference;

namespace Registry.Application.Common.Interfaces;

/// <summary>
/// Takes the next registration number of a form, region and year inside the current transaction:
/// the counter row stays locked until commit, and a rollback gives the number back, so numbers have no gaps.
/// </summary>
public interface IRegistrationNumberAllocator
{
    Task<RegistrationNumber> NextAsync(LegalForm legalForm, string regionCode, int year, CancellationToken cancellationToken);
}
