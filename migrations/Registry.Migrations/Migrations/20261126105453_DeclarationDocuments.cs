using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Registry.Migrations.Migrations
{
    /// <inheritdoc />
    public partial class DeclarationDocuments : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "document_content_type",
                schema: "registry",
                table: "declarations",
                type: "character varying(40)",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "document_file_name",
                schema: "registry",
                table: "declarations",
                type: "character varying(255)",
                maxLength: 255,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "document_sha256",
                schema: "registry",
                table: "declarations",
                type: "character(64)",
                fixedLength: true,
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "document_size_bytes",
                schema: "registry",
                table: "declarations",
                type: "bigint",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "declaration_document_contents",
                schema: "registry",
                columns: table => new
                {
                    declaration_id = table.Column<Guid>(type: "uuid", nullable: false),
                    content = table.Column<byte[]>(type: "bytea", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_declaration_document_contents", x => x.declaration_id);
                    table.ForeignKey(
                        name: "fk_declaration_document_contents_declarations_declaration_id",
                        column: x => x.declaration_id,
                        principalSchema: "registry",
                        principalTable: "declarations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "declaration_document_contents",
                schema: "registry");

            migrationBuilder.DropColumn(
                name: "document_content_type",
                schema: "registry",
                table: "declarations");

            migrationBuilder.DropColumn(
                name: "document_file_name",
                schema: "registry",
                table: "declarations");

            migrationBuilder.DropColumn(
                name: "document_sha256",
                schema: "registry",
                table: "declarations");

            migrationBuilder.DropColumn(
                name: "document_size_bytes",
                schema: "registry",
                table: "declarations");
        }
    }
}
