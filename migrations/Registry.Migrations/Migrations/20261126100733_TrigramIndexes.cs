using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Registry.Migrations.Migrations
{
    /// <inheritdoc />
    public partial class TrigramIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "ix_organizations_normalized_name_ar_trgm",
                schema: "registry",
                table: "organizations",
                column: "normalized_name_ar")
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:IndexOperators", new[] { "gin_trgm_ops" });

            migrationBuilder.CreateIndex(
                name: "ix_organizations_normalized_name_latin_trgm",
                schema: "registry",
                table: "organizations",
                column: "normalized_name_latin")
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:IndexOperators", new[] { "gin_trgm_ops" });

            migrationBuilder.CreateIndex(
                name: "ix_name_reservations_normalized_ar_trgm",
                schema: "registry",
                table: "name_reservations",
                column: "normalized_ar")
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:IndexOperators", new[] { "gin_trgm_ops" });

            migrationBuilder.CreateIndex(
                name: "ix_name_reservations_normalized_latin_trgm",
                schema: "registry",
                table: "name_reservations",
                column: "normalized_latin")
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:IndexOperators", new[] { "gin_trgm_ops" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_organizations_normalized_name_ar_trgm",
                schema: "registry",
                table: "organizations");

            migrationBuilder.DropIndex(
                name: "ix_organizations_normalized_name_latin_trgm",
                schema: "registry",
                table: "organizations");

            migrationBuilder.DropIndex(
                name: "ix_name_reservations_normalized_ar_trgm",
                schema: "registry",
                table: "name_reservations");

            migrationBuilder.DropIndex(
                name: "ix_name_reservations_normalized_latin_trgm",
                schema: "registry",
                table: "name_reservations");
        }
    }
}
