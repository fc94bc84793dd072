using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Registry.Migrations.Migrations
{
    /// <summary>
    /// The public search ranks the name that is the query first: its score is the mean of word_similarity and
    /// similarity instead of the greater of the two, which tied every name holding all the query's words at 1
    /// (hand-written SQL in <c>Sql/SearchRanking.*.sql</c>).
    /// </summary>
    public partial class SearchRanking : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder) =>
            migrationBuilder.Sql(SqlScripts.Read("SearchRanking.Up.sql"));

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder) =>
            migrationBuilder.Sql(SqlScripts.Read("SearchRanking.Down.sql"));
    }
}
