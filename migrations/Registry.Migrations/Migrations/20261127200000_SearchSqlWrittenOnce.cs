using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Registry.Migrations.Migrations
{
    /// <summary>
    /// The search's SQL says each thing once, its behaviour unchanged: the Latin article's other spelling is one
    /// function, and a three-letter word's last resort is built once (hand-written SQL in <c>Sql/SearchSqlWrittenOnce.*.sql</c>).
    /// </summary>
    public partial class SearchSqlWrittenOnce : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder) =>
            migrationBuilder.Sql(SqlScripts.Read("SearchSqlWrittenOnce.Up.sql"));

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder) =>
            migrationBuilder.Sql(SqlScripts.Read("SearchSqlWrittenOnce.Down.sql"));
    }
}
