import { Star } from "lucide-react";
import { cx } from "../../components/cx";

export function FavoriteButton({
  name,
  favorite,
  onToggle,
}: {
  name: string;
  favorite: boolean;
  onToggle: () => void;
}) {
  return (
    <button
      type="button"
      aria-pressed={favorite}
      aria-label={favorite ? `Remove ${name} from favourites` : `Add ${name} to favourites`}
      title={favorite ? "Favourite" : "Add to favourites"}
      onClick={onToggle}
      className="inline-flex size-7 items-center justify-center rounded text-muted hover:bg-raised hover:text-text"
    >
      <Star aria-hidden className={cx("size-4", favorite && "fill-current text-attention")} />
    </button>
  );
}
