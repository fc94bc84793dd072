using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Registry.Domain.Compliance;
using Registry.Domain.Organizations;
using Registry.Infrastructure.Notifications;

namespace Registry.Infrastructure.Persistence.Configurations;

internal sealed class DeclarationConfiguration : IEntityTypeConfiguration<Declaration>
{
    public void Configure(EntityTypeBuilder<Declaration> builder)
    {
        builder.ToTable("declarations");
        builder.HasKey(d => d.Id);
        builder.Property(d => d.Kind).HasConversion<string>().HasMaxLength(30);
        builder.Property(d => d.Turnover).HasPrecision(16, 2);
        builder.Property(d => d.Details).HasColumnType("jsonb");
        builder.HasOne<Organization>().WithMany().HasForeignKey(d => d.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(d => new { d.OrganizationId, d.Kind, d.FinancialYear });
        builder.OwnsOne(d => d.Document, document =>
        {
            document.Property(x => x.ContentType).HasMaxLength(40);
            document.Property(x => x.FileName).HasMaxLength(255);
            document.Property(x => x.Sha256).HasMaxLength(64).IsFixedLength();
        });
    }
}

internal sealed class DeclarationDocumentContentConfiguration : IEntityTypeConfiguration<DeclarationDocumentContent>
{
    public void Configure(EntityTypeBuilder<DeclarationDocumentContent> builder)
    {
        // Bytes apart from the declaration, so listing declarations never reads them.
        builder.ToTable("declaration_document_contents");
        builder.HasKey(c => c.DeclarationId);
        builder.HasOne<Declaration>().WithOne().HasForeignKey<DeclarationDocumentContent>(c => c.DeclarationId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class FindingConfiguration : IEntityTypeConfiguration<Finding>
{
    public void Configure(EntityTypeBuilder<Finding> builder)
    {
        // No foreign key to organizations on purpose: the sweep upserts a million rows, and a foreign key
        // would lock every referenced organisation (ENVIRONMENT.md measured 2× time and 15× WAL).
        builder.ToTable("findings");
        builder.HasKey(f => f.Id);
        builder.Property(f => f.Id).UseIdentityAlwaysColumn();
        builder.Property(f => f.RuleCode).HasMaxLength(40);
        builder.Property(f => f.Stage).HasConversion<string>().HasMaxLength(20);
        builder.Property(f => f.ProposedAction).HasConversion<string>().HasMaxLength(30);
        builder.HasIndex(f => new { f.SubjectId, f.RuleCode }).IsUnique();
        builder.HasIndex(f => new { f.OrganizationId, f.RuleCode });
        builder.HasIndex(f => new { f.Stage, f.Id });
    }
}

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> builder)
    {
        builder.ToTable("outbox_messages");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Id).UseIdentityAlwaysColumn();
        builder.Property(m => m.Stage).HasMaxLength(20);
        builder.Property(m => m.RuleCode).HasMaxLength(40);
        builder.Property(m => m.RegistrationNumber).HasMaxLength(24);
        builder.Property(m => m.Recipient).HasMaxLength(256);
        builder.Property(m => m.LastError).HasMaxLength(200);
        builder.HasIndex(m => new { m.FindingId, m.Stage, m.DueOn }).IsUnique();
        builder.HasIndex(m => new { m.SentAt, m.NextAttemptAt });
    }
}
