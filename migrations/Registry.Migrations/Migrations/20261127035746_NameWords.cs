using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Registry.Migrations.Migrations
{
    /// <summary>
    /// The words of the registered names for the public search (issue 3): a generated <c>search_words</c> column
    /// with a GIN index, and the word list with its one-letter deletions, kept by a trigger (hand-written SQL in
    /// <c>Sql/NameWordsOf.Up.sql</c> and <c>Sql/NameWords.*.sql</c>; the word list is not part of the EF model).
    /// </summary>
    public partial class NameWords : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(SqlScripts.Read("NameWordsOf.Up.sql"));

            migrationBuilder.AddColumn<string[]>(
                name: "search_words",
                schema: "registry",
                table: "organizations",
                type: "text[]",
                nullable: true,
                computedColumnSql: "registry.name_words_of(normalized_name_ar, normalized_name_latin)",
                stored: true);

            migrationBuilder.CreateIndex(
                name: "ix_organizations_search_words",
                schema: "registry",
                table: "organizations",
                column: "search_words")
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:StorageParameter:fastupdate", false);

            migrationBuilder.Sql(SqlScripts.Read("NameWords.Up.sql"));
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(SqlScripts.Read("NameWords.Down.sql"));

            migrationBuilder.DropIndex(
                name: "ix_organizations_search_words",
                schema: "registry",
                table: "organizations");

            migrationBuilder.DropColumn(
                name: "search_words",
                schema: "registry",
                table: "organizations");

            migrationBuilder.Sql("DROP FUNCTION IF EXISTS registry.name_words_of(text, text);");
        }
    }
}
