using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Registry.Migrations.Migrations
{
    /// <inheritdoc />
    public partial class LegalStatus : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ice",
                schema: "registry",
                table: "organizations",
                type: "character varying(15)",
                maxLength: 15,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "normalized_name_ar",
                schema: "registry",
                table: "organizations",
                type: "text",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "normalized_name_latin",
                schema: "registry",
                table: "organizations",
                type: "text",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<decimal>(
                name: "share_value",
                schema: "registry",
                table: "organizations",
                type: "numeric(14,2)",
                precision: 14,
                scale: 2,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "is_participating_member",
                schema: "registry",
                table: "organization_officers",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "ice",
                schema: "registry",
                table: "applications",
                type: "character varying(15)",
                maxLength: 15,
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "share_value",
                schema: "registry",
                table: "applications",
                type: "numeric(14,2)",
                precision: 14,
                scale: 2,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "is_participating_member",
                schema: "registry",
                table: "application_officers",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "documents",
                schema: "registry",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    application_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    content_type = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    file_name = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    size_bytes = table.Column<long>(type: "bigint", nullable: false),
                    sha256 = table.Column<string>(type: "character(64)", fixedLength: true, maxLength: 64, nullable: false),
                    uploaded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    uploaded_by = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_documents", x => x.id);
                    table.ForeignKey(
                        name: "fk_documents_applications_application_id",
                        column: x => x.application_id,
                        principalSchema: "registry",
                        principalTable: "applications",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "name_reservations",
                schema: "registry",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    holder_id = table.Column<Guid>(type: "uuid", nullable: false),
                    legal_form = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    name_ar = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    name_latin = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    normalized_ar = table.Column<string>(type: "text", nullable: false),
                    normalized_latin = table.Column<string>(type: "text", nullable: false),
                    reserved_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    expires_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    renewed = table.Column<bool>(type: "boolean", nullable: false),
                    consumed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    application_id = table.Column<Guid>(type: "uuid", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_name_reservations", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "document_contents",
                schema: "registry",
                columns: table => new
                {
                    document_id = table.Column<Guid>(type: "uuid", nullable: false),
                    content = table.Column<byte[]>(type: "bytea", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_document_contents", x => x.document_id);
                    table.ForeignKey(
                        name: "fk_document_contents_documents_document_id",
                        column: x => x.document_id,
                        principalSchema: "registry",
                        principalTable: "documents",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_organizations_normalized_name_ar",
                schema: "registry",
                table: "organizations",
                column: "normalized_name_ar");

            migrationBuilder.CreateIndex(
                name: "ix_organizations_normalized_name_latin",
                schema: "registry",
                table: "organizations",
                column: "normalized_name_latin");

            migrationBuilder.CreateIndex(
                name: "ix_documents_application_id",
                schema: "registry",
                table: "documents",
                column: "application_id");

            migrationBuilder.CreateIndex(
                name: "ix_name_reservations_holder_id",
                schema: "registry",
                table: "name_reservations",
                column: "holder_id");

            migrationBuilder.CreateIndex(
                name: "ix_name_reservations_normalized_ar",
                schema: "registry",
                table: "name_reservations",
                column: "normalized_ar");

            migrationBuilder.CreateIndex(
                name: "ix_name_reservations_normalized_latin",
                schema: "registry",
                table: "name_reservations",
                column: "normalized_latin");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "document_contents",
                schema: "registry");

            migrationBuilder.DropTable(
                name: "name_reservations",
                schema: "registry");

            migrationBuilder.DropTable(
                name: "documents",
                schema: "registry");

            migrationBuilder.DropIndex(
                name: "ix_organizations_normalized_name_ar",
                schema: "registry",
                table: "organizations");

            migrationBuilder.DropIndex(
                name: "ix_organizations_normalized_name_latin",
                schema: "registry",
                table: "organizations");

            migrationBuilder.DropColumn(
                name: "ice",
                schema: "registry",
                table: "organizations");

            migrationBuilder.DropColumn(
                name: "normalized_name_ar",
                schema: "registry",
                table: "organizations");

            migrationBuilder.DropColumn(
                name: "normalized_name_latin",
                schema: "registry",
                table: "organizations");

            migrationBuilder.DropColumn(
                name: "share_value",
                schema: "registry",
                table: "organizations");

            migrationBuilder.DropColumn(
                name: "is_participating_member",
                schema: "registry",
                table: "organization_officers");

            migrationBuilder.DropColumn(
                name: "ice",
                schema: "registry",
                table: "applications");

            migrationBuilder.DropColumn(
                name: "share_value",
                schema: "registry",
                table: "applications");

            migrationBuilder.DropColumn(
                name: "is_participating_member",
                schema: "registry",
                table: "application_officers");
        }
    }
}
