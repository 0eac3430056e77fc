import { problem } from "@/server/api/problem";

/** Unknown API paths answer with a problem document, not the HTML 404 page. */
function notFound() {
  return problem(404, "There is no such API endpoint.");
}

export { notFound as GET, notFound as POST, notFound as PUT, notFound as PATCH, notFound as DELETE };
