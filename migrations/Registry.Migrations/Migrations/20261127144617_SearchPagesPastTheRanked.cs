using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Registry.Migrations.Migrations
{
    /// <summary>
    /// The public search pages past its ranked candidates: after the 100 it ranks, the tier's other organisations follow
    /// by registration number, so a query matching more than 100 reaches every one (hand-written SQL in
    /// <c>Sql/SearchPagesPastTheRanked.*.sql</c>).
    /// </summary>
    public partial class SearchPagesPastTheRanked : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder) =>
            migrationBuilder.Sql(SqlScripts.Read("SearchPagesPastTheRanked.Up.sql"));

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder) =>
            migrationBuilder.Sql(SqlScripts.Read("SearchPagesPastTheRanked.Down.sql"));
    }
}
