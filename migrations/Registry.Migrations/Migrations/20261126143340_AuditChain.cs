using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Registry.Migrations.Migrations
{
    /// <summary>
    /// The tamper-evident audit trail (issue 7): hash-chain columns on <c>audit_entries</c>, back-filled once, a trigger
    /// that chains every appended entry, and triggers that refuse UPDATE, DELETE and TRUNCATE. Hand-written SQL in
    /// <c>Sql/AuditChain.*.sql</c>; the chain columns are not part of the EF model (only the trigger writes them and
    /// only the verifier's SQL reads them).
    /// </summary>
    public partial class AuditChain : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder) =>
            migrationBuilder.Sql(SqlScripts.Read("AuditChain.Up.sql"));

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder) =>
            migrationBuilder.Sql(SqlScripts.Read("AuditChain.Down.sql"));
    }
}
