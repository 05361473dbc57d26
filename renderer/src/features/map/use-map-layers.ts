import { useEffect, useState } from 'react';
import { createClusterGroup } from './cluster';
import L from './leaflet';
import { MarkerSet } from './marker-set';

export interface MapLayers {
  technicians: MarkerSet;
  tickets: MarkerSet;
}

/**
 * The two marker sets, each clustered, with their highlighted markers (selection, ranking) in a
 * plain layer above. Tickets are added first so technicians are drawn over them.
 */
export function useMapLayers(
  map: L.Map | null,
  onTechnician: (id: string) => void,
  onTicket: (id: string) => void,
): MapLayers | null {
  const [layers, setLayers] = useState<MapLayers | null>(null);
  useEffect(() => {
    if (!map) return;
    const groups = [
      createClusterGroup('cluster-tickets', 'tickets'),
      createClusterGroup('cluster-technicians', 'technicians'),
      L.layerGroup(),
      L.layerGroup(),
    ] as const;
    const [ticketCluster, technicianCluster, ticketHighlight, technicianHighlight] = groups;
    groups.forEach((g) => g.addTo(map));
    setLayers({
      tickets: new MarkerSet(ticketCluster, ticketHighlight, onTicket),
      technicians: new MarkerSet(technicianCluster, technicianHighlight, onTechnician, 500),
    });
    return () => {
      groups.forEach((g) => g.remove());
      setLayers(null);
    };
  }, [map, onTechnician, onTicket]);
  return layers;
}
