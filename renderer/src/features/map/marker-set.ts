import { LabelledDivIcon } from './labelled-icon';
import L from './leaflet';

/** What one marker should look like now; MarkerSet makes the map match a list of these. */
export interface MarkerSpec {
  id: string;
  latitude: number;
  longitude: number;
  /** The marker's accessible name: what a screen reader says and what tests find it by. */
  label: string;
  /** The divIcon's inner HTML, hidden from assistive technology (the label says it all). */
  html: string;
  className: string;
  size: [number, number];
  /** Kept out of clusters and drawn above the rest: the selection and the ranked technicians. */
  highlighted: boolean;
}

interface Entry {
  marker: L.Marker;
  spec: MarkerSpec;
}

function icon(spec: MarkerSpec): L.DivIcon {
  const [width, height] = spec.size;
  return new LabelledDivIcon(
    { html: spec.html, className: spec.className, iconSize: [width, height], iconAnchor: [width / 2, height / 2] },
    spec.label,
  );
}

/**
 * Keeps one marker per id in a cluster group (or, when highlighted, in a plain layer above it),
 * changing only what changed. A live update or a click on a 2,000-marker map then touches a
 * handful of markers instead of rebuilding them all, and the view does not flicker.
 */
export class MarkerSet {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly cluster: L.MarkerClusterGroup,
    private readonly highlight: L.LayerGroup,
    private readonly onSelect: (id: string) => void,
    /** Added to every marker's stacking order: technicians are drawn above tickets at the same place. */
    private readonly zIndexBase = 0,
  ) {}

  update(specs: readonly MarkerSpec[]): void {
    const seen = new Set<string>();
    const leaveCluster: L.Marker[] = [];
    const joinCluster: L.Marker[] = [];
    const moves: { marker: L.Marker; latLng: L.LatLngTuple }[] = [];

    for (const spec of specs) {
      seen.add(spec.id);
      const entry = this.entries.get(spec.id);
      if (!entry) {
        const marker = this.create(spec);
        this.entries.set(spec.id, { marker, spec });
        if (spec.highlighted) this.highlight.addLayer(marker);
        else joinCluster.push(marker);
        continue;
      }
      const old = entry.spec;
      entry.spec = spec;
      const moved = old.latitude !== spec.latitude || old.longitude !== spec.longitude;
      const regrouped = old.highlighted !== spec.highlighted;
      if (old.html !== spec.html || old.className !== spec.className || old.label !== spec.label)
        entry.marker.setIcon(icon(spec));
      entry.marker.setZIndexOffset(this.zIndexFor(spec));
      if (!moved && !regrouped) continue;
      // A clustered marker is found for removal by its old position, so it moves only once out.
      if (old.highlighted) this.highlight.removeLayer(entry.marker);
      else leaveCluster.push(entry.marker);
      moves.push({ marker: entry.marker, latLng: [spec.latitude, spec.longitude] });
      if (spec.highlighted) this.highlight.addLayer(entry.marker);
      else joinCluster.push(entry.marker);
    }

    for (const [id, entry] of this.entries) {
      if (seen.has(id)) continue;
      if (entry.spec.highlighted) this.highlight.removeLayer(entry.marker);
      else leaveCluster.push(entry.marker);
      this.entries.delete(id);
    }

    if (leaveCluster.length > 0) this.cluster.removeLayers(leaveCluster);
    for (const { marker, latLng } of moves) marker.setLatLng(latLng);
    if (joinCluster.length > 0) this.cluster.addLayers(joinCluster);
  }

  /** The marker for an id, if it is on the map. */
  get(id: string): L.Marker | undefined {
    return this.entries.get(id)?.marker;
  }

  get size(): number {
    return this.entries.size;
  }

  private zIndexFor(spec: MarkerSpec): number {
    return this.zIndexBase + (spec.highlighted ? 1000 : 0);
  }

  private create(spec: MarkerSpec): L.Marker {
    const marker = L.marker([spec.latitude, spec.longitude], {
      icon: icon(spec),
      keyboard: true,
      zIndexOffset: this.zIndexFor(spec),
    });
    marker.on('click', () => this.onSelect(spec.id));
    marker.on('keypress', (e: L.LeafletKeyboardEvent) => {
      if (e.originalEvent.key === 'Enter' || e.originalEvent.key === ' ') this.onSelect(spec.id);
    });
    return marker;
  }
}
