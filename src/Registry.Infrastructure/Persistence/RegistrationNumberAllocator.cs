using Microsoft.EntityFrameworkCore;
using Registry.Application.Common.Interfaces;
using Registry.Domain.Organizations;
using Registry.Domain.Reference;

namespace Registry.Infrastructure.Persistence;

/// <summary>
/// One upsert per approval: the counter row of (form, region, year) is locked by the update until the
/// approving transaction ends, so concurrent approvals queue on it, and a rolled-back approval returns its
/// number. That makes numbers gap-free and unique without a PostgreSQL SEQUENCE (which leaks on rollback).
/// </summary>
internal sealed class RegistrationNumberAllocator(RegistryDbContext db) : IRegistrationNumberAllocator
{
    public async Task<RegistrationNumber> NextAsync(LegalForm legalForm, string regionCode, int year, CancellationToken cancellationToken)
    {
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("A registration number is taken inside the approving transaction.");
        }

        var form = legalForm.ToString();
        var values = await db.Database.SqlQuery<int>($"""
            INSERT INTO registry.registration_sequences AS s (legal_form, region_code, year, last_value)
            VALUES ({form}, {regionCode}, {year}, 1)
            ON CONFLICT (legal_form, region_code, year) DO UPDATE SET last_value = s.last_value + 1
            RETURNING s.last_value AS "Value"
            """).ToListAsync(cancellationToken);
        return RegistrationNumber.Create(legalForm, regionCode, year, values.Single());
    }
}
