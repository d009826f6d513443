// A link to one knowledge-base article by its title, for any page that names an article (a
// ticket's linked articles, search results). Small on purpose: it pulls in no Markdown code.
import { Link } from '../link.js';

export function kbArticlePath(id: number): string {
  return `/kb/${id}`;
}

export function ArticleLink(props: { id: number; title: string; class?: string }) {
  return (
    <Link href={kbArticlePath(props.id)} class={props.class} title={props.title}>
      {props.title}
    </Link>
  );
}
