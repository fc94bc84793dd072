using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Registry.Migrations.Migrations
{
    /// <inheritdoc />
    public partial class Compliance : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "last_accounts_filed_on",
                schema: "registry",
                table: "organizations",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "last_annual_return_year",
                schema: "registry",
                table: "organizations",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "last_declaration_on",
                schema: "registry",
                table: "organizations",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "last_general_assembly_on",
                schema: "registry",
                table: "organizations",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "members_below_minimum_since",
                schema: "registry",
                table: "organizations",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "paid_capital",
                schema: "registry",
                table: "organizations",
                type: "numeric(16,2)",
                precision: 16,
                scale: 2,
                nullable: false,
                defaultValue: 0m);

            migrationBuilder.AddColumn<decimal>(
                name: "subscribed_capital",
                schema: "registry",
                table: "organizations",
                type: "numeric(16,2)",
                precision: 16,
                scale: 2,
                nullable: false,
                defaultValue: 0m);

            migrationBuilder.CreateTable(
                name: "declarations",
                schema: "registry",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    organization_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    effective_on = table.Column<DateOnly>(type: "date", nullable: false),
                    financial_year = table.Column<int>(type: "integer", nullable: true),
                    turnover = table.Column<decimal>(type: "numeric(16,2)", precision: 16, scale: 2, nullable: true),
                    details = table.Column<string>(type: "jsonb", nullable: true),
                    declared_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    declared_by = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_declarations", x => x.id);
                    table.ForeignKey(
                        name: "fk_declarations_organizations_organization_id",
                        column: x => x.organization_id,
                        principalSchema: "registry",
                        principalTable: "organizations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "findings",
                schema: "registry",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    subject_id = table.Column<Guid>(type: "uuid", nullable: false),
                    organization_id = table.Column<Guid>(type: "uuid", nullable: true),
                    rule_code = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    stage = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    due_on = table.Column<DateOnly>(type: "date", nullable: false),
                    opened_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    stage_changed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    resolved_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    proposed_action = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_findings", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "outbox_messages",
                schema: "registry",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    finding_id = table.Column<long>(type: "bigint", nullable: false),
                    stage = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    due_on = table.Column<DateOnly>(type: "date", nullable: false),
                    rule_code = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    registration_number = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: true),
                    subject_name = table.Column<string>(type: "text", nullable: true),
                    recipient = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    sent_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    attempts = table.Column<int>(type: "integer", nullable: false),
                    next_attempt_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    last_error = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_outbox_messages", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_declarations_organization_id_kind_financial_year",
                schema: "registry",
                table: "declarations",
                columns: new[] { "organization_id", "kind", "financial_year" });

            migrationBuilder.CreateIndex(
                name: "ix_findings_organization_id_rule_code",
                schema: "registry",
                table: "findings",
                columns: new[] { "organization_id", "rule_code" });

            migrationBuilder.CreateIndex(
                name: "ix_findings_stage_id",
                schema: "registry",
                table: "findings",
                columns: new[] { "stage", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_findings_subject_id_rule_code",
                schema: "registry",
                table: "findings",
                columns: new[] { "subject_id", "rule_code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_outbox_messages_finding_id_stage_due_on",
                schema: "registry",
                table: "outbox_messages",
                columns: new[] { "finding_id", "stage", "due_on" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_outbox_messages_sent_at_next_attempt_at",
                schema: "registry",
                table: "outbox_messages",
                columns: new[] { "sent_at", "next_attempt_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "declarations",
                schema: "registry");

            migrationBuilder.DropTable(
                name: "findings",
                schema: "registry");

            migrationBuilder.DropTable(
                name: "outbox_messages",
                schema: "registry");

            migrationBuilder.DropColumn(
                name: "last_accounts_filed_on",
                schema: "registry",
                table: "organizations");

            migrationBuilder.DropColumn(
                name: "last_annual_return_year",
                schema: "registry",
                table: "organizations");

            migrationBuilder.DropColumn(
                name: "last_declaration_on",
                schema: "registry",
                table: "organizations");

            migrationBuilder.DropColumn(
                name: "last_general_assembly_on",
                schema: "registry",
                table: "organizations");

            migrationBuilder.DropColumn(
                name: "members_below_minimum_since",
                schema: "registry",
                table: "organizations");

            migrationBuilder.DropColumn(
                name: "paid_capital",
                schema: "registry",
                table: "organizations");

            migrationBuilder.DropColumn(
                name: "subscribed_capital",
                schema: "registry",
                table: "organizations");
        }
    }
}
