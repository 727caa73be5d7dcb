import type { ReactNode } from "react";
import { Tabs, TabsContent, TabsList, TabsTrigger } from "../../components/Tabs";
import { TAB_LABELS, type BuildTab } from "../../lib/builds/tabs";
import { BuildHeader, type BuildHeaderProps } from "./BuildHeader";

export interface BuildViewProps {
  header: BuildHeaderProps;
  /** The failure alert, when the build failed. */
  failure?: ReactNode;
  tab: BuildTab;
  tabs: BuildTab[];
  onTabChange: (tab: BuildTab) => void;
  /** The active tab's content (only the active one is built). */
  panel: ReactNode;
}

export function BuildView({ header, failure, tab, tabs, onTabChange, panel }: BuildViewProps) {
  const shown = tabs.includes(tab) ? tabs : [...tabs, tab];
  return (
    <div className="mx-auto flex max-w-7xl flex-col gap-4 p-4 sm:p-6">
      <BuildHeader {...header} />
      {failure}
      <Tabs value={tab} onValueChange={(value) => onTabChange(value as BuildTab)}>
        <TabsList aria-label="Build details">
          {shown.map((t) => (
            <TabsTrigger key={t} value={t}>
              {TAB_LABELS[t]}
            </TabsTrigger>
          ))}
        </TabsList>
        <TabsContent value={tab}>{panel}</TabsContent>
      </Tabs>
    </div>
  );
}
